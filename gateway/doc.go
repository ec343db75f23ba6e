// Package gateway is the front door every protocol shares: request id, panic recovery, the bounded body read,
// the request limit, Before and After hooks around each request, and the request log. Routes belong to
// groups (Connect's restJson1, Cloud Control's awsJson1_0, the console's HTML, the operations endpoints), each
// with its own Before hooks and its own way of writing a refusal.
package gateway
