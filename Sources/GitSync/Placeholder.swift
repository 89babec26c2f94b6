import RecallCore
import CGit2
