// Package awsapi serves connectlocal.Service on Amazon Connect's restJson1 wire protocol: routes, decoding and
// model checks built from internal/model, one file per operation, and the one table from domain error codes
// to the model's error shapes.
package awsapi
