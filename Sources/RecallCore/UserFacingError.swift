/// An error whose `description` is written for the user: what is wrong, where, and what to do.
/// The command line prints it as is and exits with status 1.
public protocol UserFacingError: Error, CustomStringConvertible {}
