package cloudcontrol

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/connectlocal/connectlocal"
	"github.com/connectlocal/connectlocal/cfn"
	"github.com/connectlocal/connectlocal/gateway"
)

// apiError is an error of the Cloud Control model (shared/aws/cloudcontrol-model.json): its shape name and
// message. Every such shape has the one member Message.
type apiError struct {
	Type    string
	Message string
	status  int // 0: the model's (400, or 500 for a fault)
}

func (e *apiError) Error() string { return e.Type + ": " + e.Message }

func errorf(typ, format string, args ...any) *apiError {
	return &apiError{Type: typ, Message: fmt.Sprintf(format, args...)}
}

// faults are the model's error shapes marked "fault" (5xx), and InternalFailure, a common error no operation
// lists; every other one is a client error (400).
var faults = func() map[string]bool {
	m := map[string]bool{"InternalFailure": true}
	for name, s := range ccModel.Shapes {
		if s.Fault {
			m[name] = true
		}
	}
	return m
}()

// refusalTypes are the types a refusal by the gateway or a Before hook (authentication, throttling) gets:
// the errors common to every AWS API (Cloud Control API Reference, "Common Errors"). Authentication failures
// keep the 403 Connect's refusals have (sigv4auth/doc.go).
var refusalTypes = map[connectlocal.Code]struct {
	typ    string
	status int
}{
	connectlocal.Throttled:        {"ThrottlingException", http.StatusBadRequest},
	connectlocal.InvalidArgument:  {"ValidationException", http.StatusBadRequest},
	connectlocal.InvalidRequest:   {"InvalidRequestException", http.StatusBadRequest},
	connectlocal.UnknownOperation: {"UnknownOperationException", http.StatusBadRequest},
	connectlocal.UnknownKey:       {"UnrecognizedClientException", http.StatusForbidden},
	connectlocal.BadSignature:     {"InvalidSignatureException", http.StatusForbidden},
	connectlocal.MissingAuth:      {"MissingAuthenticationTokenException", http.StatusForbidden},
	connectlocal.IncompleteAuth:   {"IncompleteSignatureException", http.StatusForbidden},
}

// Refuse is the Cloud Control group's gateway.Refuse: a refusal in awsJson1_0, in the words of the Cloud
// Control model (an injected fault names its shape) or of AWS's common errors.
func Refuse(w http.ResponseWriter, r *http.Request, err error) {
	var we *gateway.WireError
	var de *connectlocal.Error
	switch {
	case errors.As(err, &we):
		err = &apiError{Type: we.Type, Message: we.Message}
	case errors.As(err, &de) && refusalTypes[de.Code].typ != "":
		err = &apiError{Type: refusalTypes[de.Code].typ, Message: de.Message, status: refusalTypes[de.Code].status}
	}
	writeError(w, r, err)
}

// writeError answers in awsJson1_0's error shape: {"__type": ..., "Message": ...}. The SDK's deserializer
// takes the type from X-Amzn-ErrorType or __type and the message from Message or message
// (aws-sdk-go-v2/service/cloudcontrol deserializers.go, getProtocolErrorInfo); both are set so the request
// hooks see the error type as they do for Connect.
func writeError(w http.ResponseWriter, r *http.Request, err error) {
	if x := gateway.ExchangeFrom(r.Context()); x != nil {
		x.Err = err
	}
	e, ok := err.(*apiError)
	switch {
	case gateway.Ended(err): // first: a request that ended before its answer is no internal error
		e = &apiError{Type: "ClientDisconnected", Message: "The request ended before its answer: " + err.Error(),
			status: gateway.ClientClosedRequest}
	case !ok:
		e = &apiError{Type: "InternalFailure", Message: "An internal error occurred."}
	}
	status := http.StatusBadRequest
	switch {
	case e.status != 0:
		status = e.status
	case faults[e.Type]:
		status = http.StatusInternalServerError
	}
	body, _ := json.Marshal(map[string]string{"__type": e.Type, "Message": e.Message})
	w.Header().Set("Content-Type", "application/x-amz-json-1.0")
	w.Header().Set("X-Amzn-ErrorType", e.Type)
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	w.Write(body)
}

// handlerErrorCode is the ProgressEvent ErrorCode (the model's HandlerErrorCode) a failed Connect call
// becomes, after the CloudFormation CLI's handler error codes.
func handlerErrorCode(err error) string {
	if c, ok := handlerErrorCodes[connectlocal.CodeOf(err)]; ok {
		return c
	}
	return handlerErrorCodes[connectlocal.InvalidArgument]
}

// handlerErrorCodes: each value is checked against the model's HandlerErrorCode enum when the program starts.
var handlerErrorCodes = func() map[connectlocal.Code]string {
	m := map[connectlocal.Code]string{
		connectlocal.NotFound: "NotFound", connectlocal.AlreadyExists: "AlreadyExists",
		connectlocal.QuotaExceeded: "ServiceLimitExceeded",
		connectlocal.Throttled:     "Throttling", connectlocal.Internal: "InternalFailure", connectlocal.InvalidArgument: "InvalidRequest",
	}
	for _, v := range m {
		ccModel.EnumValue("HandlerErrorCode", v)
	}
	return m
}()

// statusMessage is the failure's message. A template's violations are restated in the type's property
// names (ContactFlowArn, Defaults[0]), as the resource type's handler speaks.
func statusMessage(typeName string, err error) string {
	e := connectlocal.AsError(err)
	if len(e.Violations) == 0 || typeName != cfn.TaskTemplate {
		return e.Message
	}
	parts := make([]string, len(e.Violations))
	for i, v := range e.Violations {
		path, msg := cfn.TaskTemplateProblem(v.Path, v.Message)
		parts[i] = fmt.Sprintf("%s: %s (%s)", path, msg, v.Reason)
	}
	noun := "errors"
	if len(parts) == 1 {
		noun = "error"
	}
	return fmt.Sprintf("%d validation %s: %s", len(parts), noun, strings.Join(parts, "; "))
}
