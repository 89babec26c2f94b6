class Solution {
public:
    // Idea: Kahn's topological sort; repeatedly take a course with no unmet prerequisite. All
    // courses get taken exactly when the graph has no cycle. O(V + E) time and space.
    bool canFinish(int numCourses, vector<vector<int>>& prerequisites) {
        vector<vector<int>> unlocks(numCourses);
        vector<int> indegree(numCourses, 0);
        for (const auto& pair : prerequisites) {
            unlocks[pair[1]].push_back(pair[0]);
            ++indegree[pair[0]];
        }
        queue<int> ready;
        for (int c = 0; c < numCourses; ++c)
            if (indegree[c] == 0) ready.push(c);
        int taken = 0;
        while (!ready.empty()) {
            int c = ready.front();
            ready.pop();
            ++taken;
            for (int next : unlocks[c])
                if (--indegree[next] == 0) ready.push(next);
        }
        return taken == numCourses;
    }
};
