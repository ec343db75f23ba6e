// Package sigv4auth verifies each request's AWS Signature Version 4 against the keys of an AWS shared
// credentials file, as AWS's front end does, and sets the request's account from the key (--auth sigv4).
//
// The expected signature is computed by aws-sdk-go-v2's own aws/signer/v4 over the request as received, so the
// canonical request is exactly the one the SDKs build. The answers and their texts are AWS's:
//   - no Authorization header: MissingAuthenticationTokenException "Missing Authentication Token" (the text API
//     Gateway-fronted services give; AWS common errors list MissingAuthenticationToken as 403).
//   - an Authorization header lacking Credential, SignedHeaders or Signature, or without X-Amz-Date:
//     IncompleteSignatureException "Authorization header requires 'Credential' parameter. ..." (text seen in
//     aws/chalice#828, status 403, and aws/aws-sdk-js#4285), and "'X' not a valid key=value pair (missing
//     equal-sign) in Authorization header: '...'." (iann0036/cloud9-sync#10).
//   - an unknown access key id or a wrong session token: UnrecognizedClientException "The security token
//     included in the request is invalid." (restJson1 Lambda answered it with StatusCode 403,
//     iann0036/iamlive#58).
//   - a signature that does not match: InvalidSignatureException "The request signature we calculated does not
//     match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the
//     service documentation for details." (aws-sdk-js users' logs, e.g. gist alexmchale/b98a4fd4).
//   - X-Amz-Date more than 15 minutes off: InvalidSignatureException "Signature expired: 20140325T143453Z is
//     now earlier than 20140325T143751Z (20140325T145251Z - 15 min.)" (aws/aws-sdk-js#254), or "Signature not
//     yet current: ... is still later than ... (... + 15 min.)" for a date in the future
//     (NickWaterton/Roomba980-Python#118). The window is 15 minutes (AWS common errors, RequestExpired).
//   - a scope naming another service: InvalidSignatureException "Credential should be scoped to correct
//     service: 'connect'."; a scope date that is not X-Amz-Date's day: InvalidSignatureException "Date in
//     Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: ...".
//
// Decided where sources are silent: every refusal is 403 (restJson1's status for these; JSON-1.1 services give
// 400 for some); query-string (presigned) authentication and the Date header are not accepted, since no SDK
// signs Connect calls that way; headers the SDK signer never signs (User-Agent, Expect, X-Amzn-Trace-Id) make
// a signature that lists them fail, as the SDKs never list them.
package sigv4auth
