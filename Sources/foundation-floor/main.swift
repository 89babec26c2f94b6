import Foundation

// The start-up floor for `recall-bench`: a Swift program that loads Foundation, touches it once
// (so that it is loaded and initialised, not just linked) and exits. `recall due` is measured
// against it, built the same way.
_ = ProcessInfo.processInfo.processIdentifier
