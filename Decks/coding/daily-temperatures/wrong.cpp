class Solution {
public:
    // Plausible but wrong: `if` instead of `while`, so a warm day answers only the top of the stack
    // and the colder days below it keep waiting.
    vector<int> dailyTemperatures(vector<int>& temperatures) {
        int n = temperatures.size();
        vector<int> answer(n, 0);
        vector<int> waiting;
        for (int i = 0; i < n; ++i) {
            if (!waiting.empty() && temperatures[waiting.back()] < temperatures[i]) {
                answer[waiting.back()] = i - waiting.back();
                waiting.pop_back();
            }
            waiting.push_back(i);
        }
        return answer;
    }
};
