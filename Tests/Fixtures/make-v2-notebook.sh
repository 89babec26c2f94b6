#!/bin/sh
# Regenerates Tests/Fixtures/v2-notebook: a notebook written by a Recall whose schema ends at
# `v2-fts-automerge` (state as JSON/comma-separated text in `meta`, the exercise attempts in
# attempts/log.jsonl). The migration test (StorageTests/V2MigrationTests) opens a copy of it.
#
#   Tests/Fixtures/make-v2-notebook.sh /path/to/old/recall
#
# The binary must be built from a commit before the `v3-typed-state` migration (e.g. 8d37ca1).
# Everything happens in a temporary folder with file:// git remotes; only notebook.sqlite and
# attempts/ are kept. What it leaves in the notebook (the test checks each):
#   - sources: `team` (file:// remote, path decks, one pending-free import), `solo` (no path)
#   - a conflict copy holding this notebook's version (sync.local-conflict-copies)
#   - a progress remote with an imported commit (sync.progress)
#   - two grades sent by progress sync, then the last one undone (events.undone = its seq)
#   - two checked attempts of exercise `ex/two-sum` (one Wrong Answer, one Accepted)
set -eu
recall=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
out="$here/v2-notebook"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export TZ=UTC NO_COLOR=1 RECALL_NOW=2026-11-23T10:00:00Z
export GIT_AUTHOR_NAME=fixture GIT_AUTHOR_EMAIL=fixture@example.invalid
export GIT_COMMITTER_NAME=fixture GIT_COMMITTER_EMAIL=fixture@example.invalid
a="$work/home-a"
b="$work/home-b"

# A deck remote with deck d (cards x, y), and a second one with deck s.
seed() { # seed <bare> <folder-in-repo> <deck> <cards>
  git init -q -b main "$work/seed"
  mkdir -p "$work/seed/$2/$3"
  printf 'deck: %s\ntitle: Deck %s\n' "$3" "$3" >"$work/seed/$2/$3/deck.yaml"
  printf '%b' "$4" >"$work/seed/$2/$3/cards.md"
  git -C "$work/seed" add -A && git -C "$work/seed" commit -qm seed
  git clone -q --bare "$work/seed" "$1"
  rm -rf "$work/seed"
}
seed "$work/team.git" decks d '## Question x {#x}\nAnswer x.\n\n## Question y {#y}\nAnswer y.\n'
seed "$work/solo.git" . s '## Solo card {#one}\nSolo answer.\n'
git init -q --bare -b main "$work/progress.git"

for home in "$a" "$b"; do
  "$recall" source add "file://$work/team.git" --name team --path decks --home "$home" >/dev/null
done
"$recall" source add "file://$work/solo.git" --name solo --home "$a" >/dev/null

# Both edit card x differently; B merges (its copy holds A's version), then A receives the merge:
# on A the copy holds A's own version, which is what sync.local-conflict-copies remembers.
sed -i 's/Answer x\./Answer x from A./' "$a/sources/team/decks/d/cards.md"
"$recall" sync --home "$a" >/dev/null
sed -i 's/Answer x\./Answer x from B./' "$b/sources/team/decks/d/cards.md"
"$recall" sync --home "$b" >/dev/null 2>&1 || true # exits 1: it reports the conflict
"$recall" sync --home "$a" >/dev/null 2>&1 || true

# Review history: two grades sent to the progress remote, then the last one undone.
"$recall" progress remote "file://$work/progress.git" --home "$a" >/dev/null
"$recall" answer d/y 4 --home "$a" >/dev/null
"$recall" answer s/one 3 --home "$a" >/dev/null
"$recall" sync --home "$a" >/dev/null 2>&1 || true
"$recall" undo --home "$a" >/dev/null

# A local exercise deck, checked twice.
mkdir -p "$work/ex/two-sum"
printf 'deck: ex\ntitle: Exercises\n' >"$work/ex/deck.yaml"
cp "$here/../../Decks/coding/two-sum/exercise.yaml" "$work/ex/two-sum/"
"$recall" import "$work/ex" --home "$a" >/dev/null
printf 'def twoSum(nums, target):\n    return [0, 0]\n' >"$work/wrong.py"
printf 'def twoSum(nums, target):\n    seen = {}\n    for i, n in enumerate(nums):\n        if target - n in seen:\n            return [seen[target - n], i]\n        seen[n] = i\n' >"$work/right.py"
"$recall" check ex/two-sum "$work/wrong.py" --home "$a" >/dev/null || true
"$recall" check ex/two-sum "$work/right.py" --home "$a" >/dev/null

# Keep the database (checkpointed into one file, then compacted) and the attempts.
sqlite3 "$a/notebook.sqlite" "PRAGMA wal_checkpoint(TRUNCATE); VACUUM;" >/dev/null
rm -rf "$out"
mkdir -p "$out"
cp "$a/notebook.sqlite" "$out/"
cp -R "$a/attempts" "$out/"
sqlite3 "$out/notebook.sqlite" "SELECT key, value FROM meta ORDER BY key"
echo "wrote $out"
