class Solution {
    func replaceWords(_ dictionary: [String], _ sentence: String) -> String {
        return ""
    }
}
