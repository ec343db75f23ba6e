package awsapi

import (
	"errors"
	"net/http"
	"slices"

	"github.com/connectlocal/connectlocal"
	"github.com/connectlocal/connectlocal/gateway"
	"github.com/connectlocal/connectlocal/internal/model"
)

// wireTypes maps each domain Code to the model's error shapes, in preference order: an operation answers with
// the first one its model error list names, else with the first (spec-facts §2, "unmodelled error on an op").
// This file is the only place that writes an error status or X-Amzn-ErrorType.
var wireTypes = map[connectlocal.Code][]string{
	connectlocal.Internal:         {"InternalServiceException"},
	connectlocal.NotFound:         {"ResourceNotFoundException"},
	connectlocal.AlreadyExists:    {"DuplicateResourceException", "InvalidRequestException"},
	connectlocal.InvalidArgument:  {"InvalidParameterException", "InvalidRequestException"},
	connectlocal.InvalidRequest:   {"InvalidRequestException"},
	connectlocal.InvalidTemplate:  {"PropertyValidationException"},
	connectlocal.QuotaExceeded:    {"ServiceQuotaExceededException", "LimitExceededException"},
	connectlocal.InvalidFlow:      {"InvalidContactFlowException", "InvalidContactFlowModuleException"},
	connectlocal.FlowNotPublished: {"ContactFlowNotPublishedException"},
	connectlocal.Throttled:        {"ThrottlingException"},
	connectlocal.UnknownOperation: {"UnknownOperationException"},
	// Authentication (--auth sigv4): AWS's front end answers these before any operation runs, so no
	// operation's model lists them (see unmodelledStatus).
	connectlocal.UnknownKey:     {"UnrecognizedClientException"},
	connectlocal.BadSignature:   {"InvalidSignatureException"},
	connectlocal.MissingAuth:    {"MissingAuthenticationTokenException"},
	connectlocal.IncompleteAuth: {"IncompleteSignatureException"},
	// Routing objects (issue 20): a delete of what another object uses, and a change the state forbids.
	connectlocal.InUse:    {"ResourceInUseException", "InvalidRequestException"},
	connectlocal.Conflict: {"ResourceConflictException", "InvalidRequestException"},
}

// clientDisconnected is the type of the answer to a request that ended before it (minio's name).
const clientDisconnected = "ClientDisconnected"

// unmodelledStatus gives the status of the error types no operation's model lists.
var unmodelledStatus = map[string]int{
	// What AWS's front end answers for a path no operation has.
	"UnknownOperationException": http.StatusNotFound,
	// Authentication failures of restJson1 services answer 403 (sigv4auth/doc.go cites the observed answers):
	// Lambda's UnrecognizedClientException "StatusCode: 403" (iann0036/iamlive#58), API Gateway's
	// IncompleteSignature "Status: 403" (aws/chalice#828) and "Missing Authentication Token" 403. JSON-1.1
	// services (Cognito, DynamoDB) give 400 for some of them; Connect is restJson1, so 403 throughout.
	"UnrecognizedClientException":         http.StatusForbidden,
	"InvalidSignatureException":           http.StatusForbidden,
	"MissingAuthenticationTokenException": http.StatusForbidden,
	"IncompleteSignatureException":        http.StatusForbidden,
}

// wireType picks the error shape for code on op (op nil: outside any operation).
func wireType(op *model.Operation, code connectlocal.Code) string {
	types := wireTypes[code]
	if op != nil {
		for _, t := range types {
			if slices.Contains(op.Errors, t) {
				return t
			}
		}
	}
	return types[0]
}

type propertyWire struct {
	PropertyPath string
	Reason       string
	Message      string
}

type problemWire struct {
	Message string `json:"message"`
}

type errorBody struct {
	Message      string
	PropertyList []propertyWire `json:",omitempty"`
	Problems     []problemWire  `json:"problems,omitempty"`
	// ModuleProblems is InvalidContactFlowModuleException's list, whose model member is capitalised.
	ModuleProblems []problemWire `json:"Problems,omitempty"`
}

// writeError answers with err as the model's error shape for op.
func (a *API) writeError(w http.ResponseWriter, r *http.Request, op *model.Operation, err error) {
	var id string
	if x := gateway.ExchangeFrom(r.Context()); x != nil {
		x.Err = err
		id = x.ID
	}
	// Classified before anything else: a request that ended first is no internal error (issue 18). Its log
	// line is the request log's, at info; the client is usually gone.
	if gateway.Ended(err) {
		w.Header().Set("X-Amzn-ErrorType", clientDisconnected)
		writeJSON(w, gateway.ClientClosedRequest, errorBody{Message: "The request ended before its answer: " + err.Error()})
		return
	}
	var we *gateway.WireError
	if errors.As(err, &we) {
		err = injected(op, we)
	}
	e := connectlocal.AsError(err)
	var de *connectlocal.Error
	if !errors.As(err, &de) || e.Code == connectlocal.Internal {
		// wtf's rule: the detail goes to the log with the request id, the client gets a generic message.
		a.opts.Logger.Error("internal error", "request_id", id, "error", err)
		e = &connectlocal.Error{Code: connectlocal.Internal, Message: "An internal error occurred. Request id " + id + "."}
	}
	typ := wireType(op, e.Code)
	status := a.model.ErrorStatus(typ)
	if status == 0 {
		status = unmodelledStatus[typ]
	}
	body := errorBody{Message: e.Message}
	if body.Message == "" {
		body.Message = typ
	}
	for _, v := range e.Violations {
		body.PropertyList = append(body.PropertyList, propertyWire{PropertyPath: v.Path, Reason: string(v.Reason), Message: v.Message})
	}
	for _, p := range e.Problems {
		body.Problems = append(body.Problems, problemWire{Message: p})
	}
	if typ == "InvalidContactFlowModuleException" {
		body.Problems, body.ModuleProblems = nil, body.Problems
	}
	w.Header().Set("X-Amzn-ErrorType", typ)
	writeJSON(w, status, body)
}

func asErr[T any](err error, target *T) bool { return errors.As(err, target) }
