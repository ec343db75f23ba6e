package connectlocal

import (
	"errors"
	"fmt"
	"strings"
)

// Code says what went wrong, independent of the wire. awsapi/errors.go maps each to the model's error shapes.
type Code int

const (
	Internal         Code = iota // a bug or a failing dependency; the client sees a generic message
	NotFound                     // the named resource does not exist in the caller's scope
	AlreadyExists                // a unique name is taken (stores return it on a unique-key clash)
	InvalidArgument              // a member breaks the model or a documented value rule
	InvalidRequest               // the request is well-formed but not allowed in the current state
	InvalidTemplate              // task-template rules broken; Error.Violations says which
	QuotaExceeded                // a quota or limit (templates per instance, flows per instance, ...)
	InvalidFlow                  // contact-flow content is not valid; Error.Problems says why
	FlowNotPublished             // a flow that has never been published was asked for without :$SAVED
	Throttled                    // the caller exceeded a rate limit
	UnknownOperation             // no operation matches the request's method and path
	UnknownKey                   // the access key id (or its session token) is unknown (--auth sigv4)
	BadSignature                 // the SigV4 signature does not match, or its date is outside the window
	MissingAuth                  // the request carries no SigV4 Authorization at all
	IncompleteAuth               // the Authorization header lacks a part SigV4 needs
	InUse                        // the resource is referenced by another and cannot be deleted (or changed so)
	Conflict                     // the request conflicts with the resource's current state (ResourceConflictException)
	codeEnd                      // end marker for exhaustive table tests
)

// Codes lists every Code, for tests that check a table covers them all.
func Codes() []Code {
	cs := make([]Code, 0, codeEnd)
	for c := Code(0); c < codeEnd; c++ {
		cs = append(cs, c)
	}
	return cs
}

var codeNames = [...]string{"Internal", "NotFound", "AlreadyExists", "InvalidArgument", "InvalidRequest",
	"InvalidTemplate", "QuotaExceeded", "InvalidFlow", "FlowNotPublished",
	"Throttled", "UnknownOperation", "UnknownKey", "BadSignature", "MissingAuth", "IncompleteAuth", "InUse", "Conflict"}

func (c Code) String() string {
	if c >= 0 && int(c) < len(codeNames) {
		return codeNames[c]
	}
	return fmt.Sprintf("Code(%d)", int(c))
}

// Violation is one broken template rule, in PropertyValidationException's terms.
type Violation struct {
	Path    string // request member path, e.g. Fields[2].Id.Name (spec-facts §4.3)
	Reason  Reason
	Message string
}

// Reason is the model's PropertyValidationExceptionReason.
type Reason string

const (
	ReasonInvalidFormat           Reason = "INVALID_FORMAT"
	ReasonUniqueConstraint        Reason = "UNIQUE_CONSTRAINT_VIOLATED"
	ReasonReferenceNotFound       Reason = "REFERENCED_RESOURCE_NOT_FOUND"
	ReasonNameAlreadyExists       Reason = "RESOURCE_NAME_ALREADY_EXISTS"
	ReasonRequiredPropertyMissing Reason = "REQUIRED_PROPERTY_MISSING"
	ReasonNotSupported            Reason = "NOT_SUPPORTED"
)

// Error is the domain's error: a code, a message fit for the client, and the details some codes carry.
type Error struct {
	Code       Code
	Message    string
	Violations []Violation // InvalidTemplate
	Problems   []string    // InvalidFlow
	// Quota names the `serve --quota NAME=N` limit that refused the request, for the log line only: the wire
	// message stays as the service words it (issue 11).
	Quota string
}

func (e *Error) Error() string { return e.Code.String() + ": " + e.Message }

// Errorf builds an *Error.
func Errorf(code Code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// TemplateError wraps violations into one InvalidTemplate error with a summary message.
func TemplateError(vs []Violation) *Error {
	msgs := make([]string, 0, len(vs))
	for _, v := range vs {
		msgs = append(msgs, v.Path+": "+v.Message)
	}
	noun := "errors"
	if len(vs) == 1 {
		noun = "error"
	}
	return &Error{Code: InvalidTemplate, Violations: vs,
		Message: fmt.Sprintf("%d validation %s: %s", len(vs), noun, strings.Join(msgs, "; "))}
}

// CodeOf returns err's Code; anything that is not an *Error is Internal.
func CodeOf(err error) Code {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return Internal
}

// AsError returns err as an *Error, turning a foreign error into a generic Internal one.
func AsError(err error) *Error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	return &Error{Code: Internal, Message: "An internal error occurred. Try again later."}
}
