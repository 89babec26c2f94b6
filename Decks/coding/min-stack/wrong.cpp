// Plausible but wrong: the minimum is one running value, so after the minimum is popped (or the
// stack empties and refills) getMin still reports the old one.
class MinStack {
    vector<int> values;
    int low = INT_MAX;

public:
    MinStack() {}

    void push(int val) {
        values.push_back(val);
        low = min(low, val);
    }

    void pop() { values.pop_back(); }

    int top() { return values.back(); }

    int getMin() { return low; }
};
