class Solution {
public:
    // Idea: nth_element (introselect) on squared distance puts the k closest first without sorting
    // them; no square root needed. O(n) average time.
    vector<vector<int>> kClosest(vector<vector<int>>& points, int k) {
        auto dist = [](const vector<int>& q) { return (long long)q[0] * q[0] + (long long)q[1] * q[1]; };
        nth_element(points.begin(), points.begin() + (k - 1), points.end(),
                    [&](const vector<int>& a, const vector<int>& b) { return dist(a) < dist(b); });
        return vector<vector<int>>(points.begin(), points.begin() + k);
    }
};
