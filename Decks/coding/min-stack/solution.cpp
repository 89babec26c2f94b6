// Idea: a second stack holds the running minimum, pushed and popped with every value. O(1) per
// operation, O(n) space.
class MinStack {
    vector<int> values, lows;

public:
    MinStack() {}

    void push(int val) {
        values.push_back(val);
        lows.push_back(lows.empty() ? val : min(lows.back(), val));
    }

    void pop() {
        values.pop_back();
        lows.pop_back();
    }

    int top() { return values.back(); }

    int getMin() { return lows.back(); }
};
