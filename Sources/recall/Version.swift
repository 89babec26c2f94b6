/// What `recall --version` prints; raised with each release (README "Installing").
let recallVersion = "0.2.0"
