import Foundation
import GitSync

/// What one fetch-integrate-push exchange with a remote did.
struct RemoteExchange {
    /// Local commits the remote accepted.
    var pushed = 0
    /// Pushes refused because someone else pushed first, each followed by fetch and integrate.
    var retries = 0
    /// Why the remote could not be fetched from or pushed to.
    var failure: String?
    /// Whether the failure happened at the fetch (nothing was integrated in that round).
    var fetchFailed = false

    /// How many times a push refused because someone else pushed first is retried before the sync
    /// gives up until next time.
    static let attempts = 4

    /// Fetches `branch`, hands the fetched tip (nil: the remote has no such branch yet) to
    /// `integrate`, and pushes when HEAD is ahead; a push refused because someone pushed first
    /// starts over, a bounded number of times. Any other git failure ends the exchange: the local
    /// commits stay and go out with a later sync.
    static func run(
        _ repo: GitRepository, branch: String, credentials: GitCredentials,
        progress: ((TransferProgress) -> Void)?, beforePush: () -> Void = {},
        integrate: (ObjectID?) throws -> Void
    ) throws -> RemoteExchange {
        var outcome = RemoteExchange()
        for attempt in 1...attempts {
            let tip: ObjectID?
            do {
                tip = try repo.fetch(branch: branch, credentials: credentials, progress: progress)
            } catch let error as GitError {
                outcome.failure = error.description
                outcome.fetchFailed = true
                return outcome
            }
            try integrate(tip)
            beforePush()
            guard let head = try repo.headCommit() else { return outcome }
            let ahead =
                try tip.map { try repo.aheadBehind(local: head, upstream: $0).ahead }
                ?? repo.countCommits(reachableFrom: head)
            if ahead == 0 { return outcome }
            do {
                try repo.push(branch: branch, credentials: credentials)
                outcome.pushed += ahead
                return outcome
            } catch let error as GitError where error.isPushRejection && attempt < attempts {
                outcome.retries += 1  // someone pushed first: fetch, integrate and try again
            } catch let error as GitError {
                outcome.failure = error.description
                return outcome
            }
        }
        return outcome
    }
}
