// Package throttle answers ThrottlingException once a caller exceeds a token bucket per account, region and
// operation (--throttle), as Connect's API rate quotas do (spec-facts §13).
package throttle
