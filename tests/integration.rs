//! Integration tests: the vanban binary run as a user would.
