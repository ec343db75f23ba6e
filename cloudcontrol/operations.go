package cloudcontrol

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"

	jsonpatch "github.com/evanphx/json-patch/v5"

	"github.com/connectlocal/connectlocal"
	"github.com/connectlocal/connectlocal/awsapi"
	"github.com/connectlocal/connectlocal/cfn"
)

// resourceTypeOf reads TypeName. A type outside those served is TypeNotFoundException, as Cloud Control
// answers for a type its registry lacks.
func resourceTypeOf(in map[string]any) (*resourceType, error) {
	name := str(in, "TypeName")
	t, ok := types[name]
	if !ok {
		return nil, errorf("TypeNotFoundException", "The type '%s' cannot be found.", name)
	}
	return t, nil
}

// properties parses a JSON object member (DesiredState, ResourceModel) the model has checked as a string.
// Text that is not UTF-8, or escapes a lone surrogate, is refused: decoded, it would be stored as U+FFFD.
func properties(in map[string]any, name string) (map[string]any, string, error) {
	raw := str(in, name)
	if raw == "" {
		return nil, raw, nil
	}
	if err := awsapi.CheckText([]byte(raw)); err != nil {
		return nil, raw, errorf("ValidationException", "%s: %s", name, connectlocal.AsError(err).Message)
	}
	dec := json.NewDecoder(strings.NewReader(raw))
	dec.UseNumber()
	var props map[string]any
	if err := dec.Decode(&props); err != nil || props == nil || dec.More() {
		return nil, raw, errorf("ValidationException", "%s is not a JSON object", name)
	}
	return props, raw, nil
}

// checkSchema checks a type's properties against its registry schema, where cfn has it in full, before any
// handler runs: Cloud Control answers a model that breaks the schema with ValidationException "Model
// validation failed (#: extraneous key [X] is not permitted)" and starts no request
// (cloudformation-coverage-roadmap#2205 quotes UpdateResource doing so).
func checkSchema(t *resourceType, props map[string]any) error {
	ps := cfn.PropertySchemaOf(t.schema.Name)
	if ps == nil {
		return nil
	}
	if err := ps.Check(props); err != nil {
		return errorf("ValidationException", "%s", connectlocal.AsError(err).Message)
	}
	return nil
}

// mutate runs a create, update or delete once per ClientToken and records its request. The answer is the
// request as it started (IN_PROGRESS), as Cloud Control answers; GetResourceRequestStatus then shows how it
// ended (SUCCESS, or FAILED with ErrorCode and StatusMessage). A ClientToken seen before answers with that
// request when the input is the same, and ClientTokenConflictException when it is not.
func (h *Handler) mutate(scope connectlocal.Scope, in map[string]any, t *resourceType, operation, identifier, fingerprint string,
	run func() (string, map[string]any, error)) (any, error) {
	token := str(in, "ClientToken")
	fingerprint = operation + "\x00" + t.schema.Name + "\x00" + identifier + "\x00" + fingerprint
	h.mu.Lock()
	defer h.mu.Unlock()
	if token != "" {
		if prev, ok := h.byClient[clientKey(scope, token)]; ok {
			if prev.fingerprint != fingerprint {
				return nil, errorf("ClientTokenConflictException", "The ClientToken '%s' was used for another request.", token)
			}
			return map[string]any{"ProgressEvent": prev.event}, nil
		}
	}
	start := ProgressEvent{TypeName: t.schema.Name, Identifier: identifier, RequestToken: newRequestToken(),
		Operation: operation, OperationStatus: statusInProgress, EventTime: h.eventTime()}
	id, model, err := run()
	if id != "" {
		start.Identifier = id
	}
	end := start // EventTime stays: "when the resource operation request was initiated" (API reference)
	if err != nil {
		end.OperationStatus, end.ErrorCode, end.StatusMessage = statusFailed, handlerErrorCode(err), statusMessage(t.schema.Name, err)
	} else {
		end.OperationStatus = statusSuccess
		if model != nil {
			b, _ := json.Marshal(model)
			end.ResourceModel = string(b)
		}
	}
	h.record(scope, token, fingerprint, end)
	return map[string]any{"ProgressEvent": start}, nil
}

func (h *Handler) createResource(ctx context.Context, scope connectlocal.Scope, in map[string]any) (any, error) {
	t, err := resourceTypeOf(in)
	if err != nil {
		return nil, err
	}
	props, raw, err := properties(in, "DesiredState")
	if err != nil {
		return nil, err
	}
	for _, p := range t.schema.ReadOnly { // read-only properties are the service's to set
		delete(props, p)
	}
	if err := checkSchema(t, props); err != nil {
		return nil, err
	}
	return h.mutate(scope, in, t, opCreate, "", raw, func() (string, map[string]any, error) {
		id, err := t.create(h, ctx, scope, props)
		if err != nil {
			return id, nil, err
		}
		rn, err := identify(t, scope, id) // an ARN, or a composite identifier
		if err != nil {
			return id, nil, err
		}
		model, err := t.read(h, ctx, scope, rn)
		return id, model, err
	})
}

// current reads the resource an Identifier names, answering ResourceNotFoundException when there is none.
func (h *Handler) current(ctx context.Context, scope connectlocal.Scope, t *resourceType, id string) (connectlocal.ResourceName, map[string]any, error) {
	rn, err := identify(t, scope, id)
	if err == nil {
		var model map[string]any
		if model, err = t.read(h, ctx, scope, rn); err == nil {
			return rn, model, nil
		}
	}
	if connectlocal.CodeOf(err) == connectlocal.NotFound {
		return rn, nil, errorf("ResourceNotFoundException", "Resource of type '%s' with identifier '%s' was not found.", t.schema.Name, id)
	}
	return rn, nil, err
}

func (h *Handler) getResource(ctx context.Context, scope connectlocal.Scope, in map[string]any) (any, error) {
	t, err := resourceTypeOf(in)
	if err != nil {
		return nil, err
	}
	id := str(in, "Identifier")
	_, model, err := h.current(ctx, scope, t, id)
	if err != nil {
		return nil, err
	}
	b, _ := json.Marshal(model)
	return map[string]any{"TypeName": t.schema.Name, "ResourceDescription": map[string]any{"Identifier": id, "Properties": string(b)}}, nil
}

func (h *Handler) updateResource(ctx context.Context, scope connectlocal.Scope, in map[string]any) (any, error) {
	t, err := resourceTypeOf(in)
	if err != nil {
		return nil, err
	}
	id := str(in, "Identifier")
	raw := str(in, "PatchDocument")
	patch, err := decodePatch(raw)
	if err != nil {
		return nil, err
	}
	rn, cur, err := h.current(ctx, scope, t, id)
	if err != nil {
		return nil, err
	}
	curJSON, _ := json.Marshal(cur)
	nextJSON, err := patch.Apply(curJSON)
	if err != nil {
		return nil, errorf("ValidationException", "The patch cannot be applied to the resource: %v", err)
	}
	dec := json.NewDecoder(bytes.NewReader(nextJSON))
	dec.UseNumber()
	var next map[string]any
	if err := dec.Decode(&next); err != nil {
		return nil, errorf("ValidationException", "The patched resource is not a JSON object")
	}
	// Cloud Control refuses a patch that changes a create-only property before any handler runs
	// (NotUpdatableException: "One or more properties ... are defined as create-only"); a read-only one is
	// the service's to set.
	if c := changed(cur, next, t.schema.CreateOnly...); len(c) > 0 {
		return nil, errorf("NotUpdatableException", "Invalid patch update: createOnlyProperties [%s] cannot be updated", pointers(c))
	}
	if c := changed(cur, next, t.schema.ReadOnly...); len(c) > 0 {
		return nil, errorf("ValidationException", "Invalid patch update: readOnlyProperties [%s] cannot be updated", pointers(c))
	}
	// The patched model must meet the schema; its read-only properties are the service's own values (a seeded
	// template's id need not be the UUID the schema's Arn pattern asks for), so they are left out of the check.
	settable := maps.Clone(next)
	for _, p := range t.schema.ReadOnly {
		delete(settable, p)
	}
	if err := checkSchema(t, settable); err != nil {
		return nil, err
	}
	return h.mutate(scope, in, t, opUpdate, id, raw, func() (string, map[string]any, error) {
		if err := t.update(h, ctx, scope, rn, cur, next); err != nil {
			return id, nil, err
		}
		model, err := t.read(h, ctx, scope, rn)
		return id, model, err
	})
}

// decodePatch reads PatchDocument: a JSON array of RFC 6902 operations, each on a path below the root. A
// patch that is no array (null, an object) or that would replace the whole model is refused before anything
// runs, as Cloud Control answers a patch it cannot apply (ValidationException).
func decodePatch(raw string) (jsonpatch.Patch, error) {
	if err := awsapi.CheckText([]byte(raw)); err != nil {
		return nil, errorf("ValidationException", "PatchDocument: %s", connectlocal.AsError(err).Message)
	}
	var ops []map[string]any
	if err := json.Unmarshal([]byte(raw), &ops); err != nil || ops == nil {
		return nil, errorf("ValidationException", "PatchDocument is not an RFC 6902 JSON Patch: it must be a JSON array of operations")
	}
	for i, op := range ops {
		for _, key := range []string{"path", "from"} {
			if p, ok := op[key].(string); ok && (p == "" || p == "/") {
				return nil, errorf("ValidationException", "Invalid patch update: operation %d's %s '%s' names the whole resource model; a patch changes properties (/Name, /Fields/0 ...)", i, key, p)
			}
		}
	}
	patch, err := jsonpatch.DecodePatch([]byte(raw))
	if err != nil {
		return nil, errorf("ValidationException", "PatchDocument is not an RFC 6902 JSON Patch: %v", err)
	}
	return patch, nil
}

func pointers(props []string) string {
	out := make([]string, len(props))
	for i, p := range props {
		out[i] = "/properties/" + p
	}
	return strings.Join(out, ", ")
}

func (h *Handler) deleteResource(ctx context.Context, scope connectlocal.Scope, in map[string]any) (any, error) {
	t, err := resourceTypeOf(in)
	if err != nil {
		return nil, err
	}
	id := str(in, "Identifier")
	// A resource already gone fails the request with ErrorCode NotFound, as a delete handler reports it.
	return h.mutate(scope, in, t, opDelete, id, "", func() (string, map[string]any, error) {
		rn, err := identify(t, scope, id)
		if err == nil {
			err = t.delete(h, ctx, scope, rn)
		}
		if connectlocal.CodeOf(err) == connectlocal.NotFound {
			err = notFoundError(t.schema.Name, id)
		}
		return id, nil, err
	})
}

func (h *Handler) listResources(ctx context.Context, scope connectlocal.Scope, in map[string]any) (any, error) {
	t, err := resourceTypeOf(in)
	if err != nil {
		return nil, err
	}
	if t.list == nil {
		// aws-connect-contactflow.json has no list handler.
		return nil, errorf("UnsupportedActionException", "Resource type %s does not support LIST action", t.schema.Name)
	}
	model, _, err := properties(in, "ResourceModel")
	if err != nil {
		return nil, err
	}
	for _, need := range t.schema.ListNeeds {
		if s, _ := model[need].(string); s == "" {
			return nil, errorf("InvalidRequestException", "Missing or invalid ResourceModel property in %s list handler request input. Required property: [%s]",
				t.schema.Name, strings.Join(t.schema.ListNeeds, ", "))
		}
	}
	next := str(in, "NextToken")
	max := maxResults(in, 0) // 0: the Connect list's own default
	list, token, err := t.list(h, ctx, scope, model, next, max)
	if err != nil {
		return nil, listError(t, err)
	}
	descs := make([]any, len(list))
	for i, m := range list {
		b, _ := json.Marshal(m)
		descs[i] = map[string]any{"Identifier": t.schema.Identifier(m), "Properties": string(b)}
	}
	out := map[string]any{"TypeName": t.schema.Name, "ResourceDescriptions": descs}
	if token != "" {
		out["NextToken"] = token
	}
	return out, nil
}

// listError turns a failed list handler into the model's errors.
func listError(t *resourceType, err error) error {
	e := connectlocal.AsError(err)
	switch e.Code {
	case connectlocal.NotFound:
		return errorf("ResourceNotFoundException", "%s", e.Message)
	case connectlocal.Throttled:
		return errorf("ThrottlingException", "%s", e.Message)
	case connectlocal.Internal:
		return err
	}
	return errorf("InvalidRequestException", "%s", e.Message)
}

func (h *Handler) lookup(scope connectlocal.Scope, in map[string]any) (*request, error) {
	token := str(in, "RequestToken")
	req, ok := h.byToken[token]
	if !ok || req.scope != scope {
		return nil, errorf("RequestTokenNotFoundException", "Request with token '%s' was not found", token)
	}
	return req, nil
}

func (h *Handler) getResourceRequestStatus(_ context.Context, scope connectlocal.Scope, in map[string]any) (any, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	req, err := h.lookup(scope, in)
	if err != nil {
		return nil, err
	}
	return map[string]any{"ProgressEvent": req.event}, nil
}

// cancelResourceRequest: "Only resource operations requests with a status of PENDING or IN_PROGRESS can be
// canceled" (API reference, CancelResourceRequest). Requests here finish before their answer, so every request
// a token finds has ended and cannot be canceled: that is refused with ValidationException (a common error;
// the operation's own two, ConcurrentModificationException and RequestTokenNotFoundException, say something
// else), and the request stays as it ended.
func (h *Handler) cancelResourceRequest(_ context.Context, scope connectlocal.Scope, in map[string]any) (any, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	req, err := h.lookup(scope, in)
	if err != nil {
		return nil, err
	}
	if st := req.event.OperationStatus; st != statusInProgress && st != ccModel.EnumValue("OperationStatus", "PENDING") {
		return nil, errorf("ValidationException", "Request with token '%s' cannot be canceled: its status is %s, and only PENDING or IN_PROGRESS requests can be canceled", req.event.RequestToken, st)
	}
	return map[string]any{"ProgressEvent": req.event}, nil
}

// listResourceRequests lists the scope's requests, newest first, 20 a page by default (the model's doc).
func (h *Handler) listResourceRequests(_ context.Context, scope connectlocal.Scope, in map[string]any) (any, error) {
	max := maxResults(in, 20)
	next := str(in, "NextToken")
	var ops, statuses []string
	if f, ok := in["ResourceRequestStatusFilter"].(map[string]any); ok {
		ops, statuses = strings_(f["Operations"]), strings_(f["OperationStatuses"])
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	var page []ProgressEvent
	token := ""
	started := next == ""
	for i := len(h.requests) - 1; i >= 0; i-- {
		r := h.requests[i]
		if r.scope != scope || (len(ops) > 0 && !slices.Contains(ops, r.event.Operation)) ||
			(len(statuses) > 0 && !slices.Contains(statuses, r.event.OperationStatus)) {
			continue
		}
		if !started {
			started = r.event.RequestToken == next
			if !started {
				continue
			}
		}
		if len(page) == max {
			token = r.event.RequestToken
			break
		}
		page = append(page, r.event)
	}
	if !started {
		return nil, errorf("ValidationException", "NextToken '%s' is not valid", next)
	}
	out := map[string]any{"ResourceRequestStatusSummaries": page}
	if page == nil {
		out["ResourceRequestStatusSummaries"] = []any{}
	}
	if token != "" {
		out["NextToken"] = token
	}
	return out, nil
}

func strings_(v any) []string {
	list, _ := v.([]any)
	out := make([]string, 0, len(list))
	for _, s := range list {
		out = append(out, fmt.Sprint(s))
	}
	return out
}
