class Solution {
public:
    // Idea: keep each distinct word once as a token list with its count; every round recount the
    // pairs weighted by count, take the (most frequent, smallest) pair and rewrite the words.
    // O(numMerges · total length of the distinct words · log).
    vector<string> bpeTrain(vector<string>& words, int numMerges) {
        map<vector<string>, long long> vocab;
        for (const string& word : words) {
            vector<string> tokens;
            for (char c : word) tokens.push_back(string(1, c));
            ++vocab[tokens];
        }
        vector<string> merges;
        while ((int)merges.size() < numMerges) {
            // std::map iterates pairs in (left, right) order, so the first maximum is the smallest.
            map<pair<string, string>, long long> pairs;
            for (const auto& [tokens, count] : vocab) {
                for (size_t i = 0; i + 1 < tokens.size(); ++i) pairs[{tokens[i], tokens[i + 1]}] += count;
            }
            if (pairs.empty()) break;
            auto best = pairs.begin();
            for (auto it = pairs.begin(); it != pairs.end(); ++it) {
                if (it->second > best->second) best = it;
            }
            const auto [left, right] = best->first;
            merges.push_back(left + " " + right);
            map<vector<string>, long long> merged;
            for (const auto& [tokens, count] : vocab) {
                vector<string> out;
                for (size_t i = 0; i < tokens.size();) {
                    if (i + 1 < tokens.size() && tokens[i] == left && tokens[i + 1] == right) {
                        out.push_back(left + right);
                        i += 2;
                    } else {
                        out.push_back(tokens[i]);
                        i += 1;
                    }
                }
                merged[out] += count;
            }
            vocab = move(merged);
        }
        return merges;
    }
};
