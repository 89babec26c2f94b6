class Codec {
    func serialize(_ root: TreeNode?) -> String {
        return ""
    }

    func deserialize(_ data: String) -> TreeNode? {
        return nil
    }
}
