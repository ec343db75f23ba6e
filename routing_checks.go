package connectlocal

// CheckTimeZone and CheckConcurrencies expose two store-free rules of the hours of operation and the routing
// profiles, so that `connectlocal validate` judges CloudFormation files by the server's own code.

// CheckTimeZone is the hours' TimeZone rule (an IANA zone name), InvalidArgument when it is broken.
func CheckTimeZone(tz string) error { return checkTimeZone(tz) }

// CheckConcurrencies is the routing profiles' MediaConcurrencies rule (VOICE exactly 1, the others 1-10, one
// entry per channel), InvalidArgument when it is broken.
func CheckConcurrencies(mcs []MediaConcurrency) error { return checkConcurrencies(mcs) }
