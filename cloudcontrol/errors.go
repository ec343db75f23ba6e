package cloudcontrol

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/connectlocal/connectlocal"
	"github.com/connectlocal/connectlocal/awsapi"
	"github.com/connectlocal/connectlocal/cfn"
)

// apiError is an error of the Cloud Control model (shared/aws/cloudcontrol-model.json): its shape name and
// message. Every such shape has the one member Message.
type apiError struct {
	Type    string
	Message string
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

// writeError answers in awsJson1_0's error shape: {"__type": ..., "Message": ...}. The SDK's deserializer
// takes the type from X-Amzn-ErrorType or __type and the message from Message or message
// (aws-sdk-go-v2/service/cloudcontrol deserializers.go, getProtocolErrorInfo); both are set so the request
// hooks see the error type as they do for Connect.
func writeError(w http.ResponseWriter, r *http.Request, err error) {
	e, ok := err.(*apiError)
	if !ok {
		e = &apiError{Type: "InternalFailure", Message: "An internal error occurred."}
	}
	if x := awsapi.ExchangeFrom(r.Context()); x != nil {
		x.Err = err
	}
	status := http.StatusBadRequest
	if faults[e.Type] {
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
		connectlocal.NotFound: "NotFound", connectlocal.AlreadyExists: "AlreadyExists", connectlocal.DuplicateName: "AlreadyExists",
		connectlocal.QuotaExceeded: "ServiceLimitExceeded", connectlocal.LimitExceeded: "ServiceLimitExceeded",
		connectlocal.Throttled: "Throttling", connectlocal.Internal: "InternalFailure", connectlocal.InvalidArgument: "InvalidRequest",
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
