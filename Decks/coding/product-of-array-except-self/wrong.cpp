class Solution {
public:
    // Plausible but wrong: in the right-to-left pass the suffix is multiplied by nums[i] before it is
    // used, so every answer also includes its own element.
    vector<int> productExceptSelf(vector<int>& nums) {
        int n = nums.size();
        vector<int> answer(n, 1);
        for (int i = 1; i < n; ++i) answer[i] = answer[i - 1] * nums[i - 1];
        int suffix = 1;
        for (int i = n - 1; i >= 0; --i) {
            suffix *= nums[i];
            answer[i] *= suffix;
        }
        return answer;
    }
};
