class Solution {
public:
    // Plausible but wrong: counts a pair once per word (a set per word), not once per position.
    vector<string> bpeTrain(vector<string>& words, int numMerges) {
        map<vector<string>, long long> vocab;
        for (const string& word : words) {
            vector<string> tokens;
            for (char c : word) tokens.push_back(string(1, c));
            ++vocab[tokens];
        }
        vector<string> merges;
        while ((int)merges.size() < numMerges) {
            map<pair<string, string>, long long> pairs;
            for (const auto& [tokens, count] : vocab) {
                set<pair<string, string>> seen;
                for (size_t i = 0; i + 1 < tokens.size(); ++i) seen.insert({tokens[i], tokens[i + 1]});
                for (const auto& p : seen) pairs[p] += count;
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
