class MinStack {
public:
    MinStack() {
    }

    void push(int val) {
    }

    void pop() {
    }

    int top() {
        return 0;
    }

    int getMin() {
        return 0;
    }
};
