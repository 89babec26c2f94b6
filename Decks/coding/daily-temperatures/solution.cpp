class Solution {
public:
    // Idea: scan from the right keeping a stack of candidate warmer days, nearest on top; drop those not
    // warmer than today, then the top (if any) is the answer. Each index is pushed and popped once: O(n).
    vector<int> dailyTemperatures(vector<int>& temperatures) {
        int n = temperatures.size();
        vector<int> answer(n, 0);
        vector<int> warmer;
        for (int i = n - 1; i >= 0; --i) {
            while (!warmer.empty() && temperatures[warmer.back()] <= temperatures[i]) warmer.pop_back();
            if (!warmer.empty()) answer[i] = warmer.back() - i;
            warmer.push_back(i);
        }
        return answer;
    }
};
