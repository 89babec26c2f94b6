class Solution {
public:
    // Plausible but wrong: the DFS keeps one "visited" mark instead of "on the current path" vs
    // "finished", so reaching a course again along a second path (a diamond) looks like a cycle.
    bool canFinish(int numCourses, vector<vector<int>>& prerequisites) {
        needs.assign(numCourses, {});
        for (const auto& pair : prerequisites) needs[pair[0]].push_back(pair[1]);
        visited.assign(numCourses, false);
        for (int c = 0; c < numCourses; ++c)
            if (!visited[c] && hasCycle(c)) return false;
        return true;
    }

private:
    vector<vector<int>> needs;
    vector<bool> visited;

    bool hasCycle(int c) {
        if (visited[c]) return true;
        visited[c] = true;
        for (int b : needs[c])
            if (hasCycle(b)) return true;
        return false;
    }
};
