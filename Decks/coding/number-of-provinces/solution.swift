class Solution {
    // Idea: union-find (disjoint set union) with path halving; start with n sets and subtract one
    // for every union that joins two different sets. O(n^2 α(n)) time, O(n) space.
    func findCircleNum(_ isConnected: [[Int]]) -> Int {
        let n = isConnected.count
        var parent = Array(0..<n)
        func find(_ x: Int) -> Int {
            var x = x
            while parent[x] != x {
                parent[x] = parent[parent[x]]
                x = parent[x]
            }
            return x
        }
        var provinces = n
        for i in 0..<n {
            for j in (i + 1)..<n where isConnected[i][j] == 1 {
                let a = find(i)
                let b = find(j)
                if a != b {
                    parent[a] = b
                    provinces -= 1
                }
            }
        }
        return provinces
    }
}
