package awsapi

import (
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/connectlocal/connectlocal"
	"github.com/connectlocal/connectlocal/internal/model"
)

// Every model operation has a handler and a file named after it, and no handler exists that the model lacks.
func TestOperationsMatchModel(t *testing.T) {
	m := model.Load()
	for _, name := range m.OperationNames() {
		if operations[name] == nil {
			t.Errorf("operation %s has no handler", name)
		}
		file := snake(name) + ".go"
		if _, err := os.Stat(file); err != nil {
			t.Errorf("operation %s has no file %s", name, file)
		}
	}
	for name := range operations {
		if m.Operations[name] == nil {
			t.Errorf("handler %s is not a model operation", name)
		}
	}
}

func snake(s string) string {
	var b strings.Builder
	for i, r := range s {
		if r >= 'A' && r <= 'Z' {
			if i > 0 {
				b.WriteByte('_')
			}
			r += 'a' - 'A'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Every code has a row in the error table, and each row names error shapes the model has (or that we
// document as unmodelled).
func TestErrorTableCoversEveryCode(t *testing.T) {
	m := model.Load()
	for _, c := range connectlocal.Codes() {
		types := wireTypes[c]
		if len(types) == 0 {
			t.Errorf("code %s has no wire type", c)
		}
		for _, typ := range types {
			if m.ErrorStatus(typ) == 0 && unmodelledStatus[typ] == 0 {
				t.Errorf("code %s maps to %s, which has no status", c, typ)
			}
		}
	}
}

// deliberateExceptions are (operation, wire type) pairs we answer although the operation's model error list
// lacks them (spec-facts §2, "unmodelled error on an op").
var deliberateExceptions = map[string][]string{
	// spec-facts §1: the 100-per-30-days rule is off by default; nothing else. Every op may see an
	// unknown route / throttle answer without its model listing it.
}

// Codes that Before hooks return on any operation are deliberately not in codesByOperation: the four
// authentication codes (UnknownKey, BadSignature, MissingAuth, IncompleteAuth) answer types no operation's model
// lists, as AWS's front end does before any operation runs (TestAuthErrorsAreUnmodelled403); Throttled
// (--throttle, --faults) answers ThrottlingException even on the operations whose list lacks it
// (spec-facts §2 and §13, decided).

// codesByOperation lists the domain codes each operation can return.
var codesByOperation = map[string][]connectlocal.Code{
	"CreateTaskTemplate":       {connectlocal.NotFound, connectlocal.InvalidArgument, connectlocal.InvalidTemplate, connectlocal.QuotaExceeded},
	"GetTaskTemplate":          {connectlocal.NotFound, connectlocal.InvalidArgument},
	"UpdateTaskTemplate":       {connectlocal.NotFound, connectlocal.InvalidArgument, connectlocal.InvalidTemplate, connectlocal.QuotaExceeded},
	"ListTaskTemplates":        {connectlocal.NotFound, connectlocal.InvalidArgument},
	"DeleteTaskTemplate":       {connectlocal.NotFound, connectlocal.InvalidArgument},
	"CreateInstance":           {connectlocal.InvalidArgument, connectlocal.InvalidRequest, connectlocal.QuotaExceeded},
	"DescribeInstance":         {connectlocal.NotFound, connectlocal.InvalidArgument},
	"ListInstances":            {connectlocal.InvalidArgument},
	"DeleteInstance":           {connectlocal.NotFound, connectlocal.InvalidArgument},
	"CreateContactFlow":        {connectlocal.NotFound, connectlocal.InvalidArgument, connectlocal.InvalidFlow, connectlocal.AlreadyExists, connectlocal.QuotaExceeded},
	"DescribeContactFlow":      {connectlocal.NotFound, connectlocal.InvalidArgument, connectlocal.FlowNotPublished},
	"ListContactFlows":         {connectlocal.NotFound, connectlocal.InvalidArgument},
	"DeleteContactFlow":        {connectlocal.NotFound, connectlocal.InvalidArgument},
	"UpdateContactFlowContent": {connectlocal.NotFound, connectlocal.InvalidArgument, connectlocal.InvalidFlow},
	"TagResource":              {connectlocal.NotFound, connectlocal.InvalidArgument},
	"UntagResource":            {connectlocal.NotFound, connectlocal.InvalidArgument},
	"ListTagsForResource":      {connectlocal.NotFound, connectlocal.InvalidArgument},
	"StartTaskContact":         {connectlocal.NotFound, connectlocal.InvalidArgument, connectlocal.InvalidRequest, connectlocal.QuotaExceeded},
	"DescribeContact":          {connectlocal.NotFound, connectlocal.InvalidArgument},
	"StopContact":              {connectlocal.NotFound, connectlocal.InvalidArgument, connectlocal.InvalidRequest},
	// issue 12
	"DescribeInstanceAttribute":         {connectlocal.NotFound, connectlocal.InvalidArgument},
	"UpdateInstanceAttribute":           {connectlocal.NotFound, connectlocal.InvalidArgument},
	"ListInstanceAttributes":            {connectlocal.NotFound, connectlocal.InvalidArgument},
	"AssociateAnalyticsDataSet":         {connectlocal.NotFound, connectlocal.InvalidArgument},
	"DisassociateAnalyticsDataSet":      {connectlocal.NotFound, connectlocal.InvalidArgument},
	"ListAnalyticsDataAssociations":     {connectlocal.NotFound, connectlocal.InvalidArgument},
	"BatchAssociateAnalyticsDataSet":    {connectlocal.NotFound, connectlocal.InvalidArgument},
	"BatchDisassociateAnalyticsDataSet": {connectlocal.NotFound, connectlocal.InvalidArgument},
	"ListContactReferences":             {connectlocal.NotFound, connectlocal.InvalidArgument},
	"UpdateContact":                     {connectlocal.NotFound, connectlocal.InvalidArgument, connectlocal.InvalidRequest},
	"UpdateContactAttributes":           {connectlocal.NotFound, connectlocal.InvalidArgument},
	"UpdateContactSchedule":             {connectlocal.NotFound, connectlocal.InvalidArgument, connectlocal.InvalidRequest},
	"TagContact":                        {connectlocal.NotFound, connectlocal.InvalidArgument},
	"UntagContact":                      {connectlocal.NotFound, connectlocal.InvalidArgument},
	"SearchContacts":                    {connectlocal.NotFound, connectlocal.InvalidArgument},
	// issue 20
	"CreateHoursOfOperation":            {connectlocal.NotFound, connectlocal.InvalidArgument, connectlocal.AlreadyExists, connectlocal.QuotaExceeded},
	"DescribeHoursOfOperation":          {connectlocal.NotFound, connectlocal.InvalidArgument},
	"UpdateHoursOfOperation":            {connectlocal.NotFound, connectlocal.InvalidArgument, connectlocal.AlreadyExists},
	"DeleteHoursOfOperation":            {connectlocal.NotFound, connectlocal.InvalidArgument, connectlocal.InUse},
	"ListHoursOfOperations":             {connectlocal.NotFound, connectlocal.InvalidArgument},
	"SearchHoursOfOperations":           {connectlocal.NotFound, connectlocal.InvalidArgument},
	"AssociateInstanceStorageConfig":    {connectlocal.NotFound, connectlocal.InvalidArgument, connectlocal.Conflict},
	"DescribeInstanceStorageConfig":     {connectlocal.NotFound, connectlocal.InvalidArgument},
	"ListInstanceStorageConfigs":        {connectlocal.NotFound, connectlocal.InvalidArgument},
	"UpdateInstanceStorageConfig":       {connectlocal.NotFound, connectlocal.InvalidArgument},
	"DisassociateInstanceStorageConfig": {connectlocal.NotFound, connectlocal.InvalidArgument},
	"AssociateLambdaFunction":           {connectlocal.NotFound, connectlocal.InvalidArgument, connectlocal.Conflict, connectlocal.QuotaExceeded},
	"DisassociateLambdaFunction":        {connectlocal.NotFound, connectlocal.InvalidArgument},
	"ListLambdaFunctions":               {connectlocal.NotFound, connectlocal.InvalidArgument},
	"AssociateBot":                      {connectlocal.NotFound, connectlocal.InvalidRequest, connectlocal.Conflict, connectlocal.QuotaExceeded},
	"DisassociateBot":                   {connectlocal.NotFound, connectlocal.InvalidRequest},
	"ListBots":                          {connectlocal.NotFound},
	"CreateVocabulary":                  {connectlocal.NotFound, connectlocal.Conflict, connectlocal.QuotaExceeded},
	"DescribeVocabulary":                {connectlocal.NotFound},
	"DeleteVocabulary":                  {connectlocal.NotFound},
	"SearchVocabularies":                {},
	// issue 20: queues and quick connects
	"CreateQueue":                     {connectlocal.NotFound, connectlocal.InvalidArgument, connectlocal.AlreadyExists, connectlocal.QuotaExceeded},
	"DescribeQueue":                   {connectlocal.NotFound, connectlocal.InvalidArgument},
	"ListQueues":                      {connectlocal.NotFound, connectlocal.InvalidArgument},
	"DeleteQueue":                     {connectlocal.NotFound, connectlocal.InvalidArgument, connectlocal.InvalidRequest, connectlocal.InUse},
	"UpdateQueueHoursOfOperation":     {connectlocal.NotFound, connectlocal.InvalidArgument, connectlocal.InvalidRequest},
	"UpdateQueueMaxContacts":          {connectlocal.NotFound, connectlocal.InvalidArgument, connectlocal.InvalidRequest},
	"UpdateQueueName":                 {connectlocal.NotFound, connectlocal.InvalidArgument, connectlocal.InvalidRequest, connectlocal.AlreadyExists},
	"UpdateQueueOutboundCallerConfig": {connectlocal.NotFound, connectlocal.InvalidArgument, connectlocal.InvalidRequest},
	"UpdateQueueStatus":               {connectlocal.NotFound, connectlocal.InvalidArgument, connectlocal.InvalidRequest},
	"AssociateQueueQuickConnects":     {connectlocal.NotFound, connectlocal.InvalidArgument, connectlocal.InvalidRequest, connectlocal.QuotaExceeded},
	"DisassociateQueueQuickConnects":  {connectlocal.NotFound, connectlocal.InvalidArgument, connectlocal.InvalidRequest},
	"ListQueueQuickConnects":          {connectlocal.NotFound, connectlocal.InvalidArgument},
	"SearchQueues":                    {connectlocal.NotFound, connectlocal.InvalidArgument},
	"CreateQuickConnect":              {connectlocal.NotFound, connectlocal.InvalidArgument, connectlocal.AlreadyExists, connectlocal.QuotaExceeded},
	"DescribeQuickConnect":            {connectlocal.NotFound, connectlocal.InvalidArgument},
	"ListQuickConnects":               {connectlocal.NotFound, connectlocal.InvalidArgument},
	"DeleteQuickConnect":              {connectlocal.NotFound, connectlocal.InvalidArgument},
	"UpdateQuickConnectConfig":        {connectlocal.NotFound, connectlocal.InvalidArgument},
	"UpdateQuickConnectName":          {connectlocal.NotFound, connectlocal.InvalidArgument},
	"SearchQuickConnects":             {connectlocal.NotFound, connectlocal.InvalidArgument},
	// issue 20: routing profiles, security profiles, agent statuses
	"CreateRoutingProfile":                     {connectlocal.NotFound, connectlocal.InvalidArgument, connectlocal.AlreadyExists, connectlocal.QuotaExceeded},
	"DescribeRoutingProfile":                   {connectlocal.NotFound, connectlocal.InvalidArgument},
	"ListRoutingProfiles":                      {connectlocal.NotFound, connectlocal.InvalidArgument},
	"DeleteRoutingProfile":                     {connectlocal.NotFound, connectlocal.InvalidArgument, connectlocal.InUse, connectlocal.InvalidRequest},
	"ListRoutingProfileQueues":                 {connectlocal.NotFound, connectlocal.InvalidArgument},
	"AssociateRoutingProfileQueues":            {connectlocal.NotFound, connectlocal.InvalidArgument, connectlocal.InvalidRequest},
	"DisassociateRoutingProfileQueues":         {connectlocal.NotFound, connectlocal.InvalidArgument},
	"UpdateRoutingProfileConcurrency":          {connectlocal.NotFound, connectlocal.InvalidArgument},
	"UpdateRoutingProfileDefaultOutboundQueue": {connectlocal.NotFound, connectlocal.InvalidArgument},
	"UpdateRoutingProfileName":                 {connectlocal.NotFound, connectlocal.InvalidArgument, connectlocal.AlreadyExists},
	"UpdateRoutingProfileQueues":               {connectlocal.NotFound, connectlocal.InvalidArgument},
	"SearchRoutingProfiles":                    {connectlocal.NotFound, connectlocal.InvalidArgument},
	"CreateSecurityProfile":                    {connectlocal.NotFound, connectlocal.InvalidArgument, connectlocal.AlreadyExists, connectlocal.QuotaExceeded},
	"DescribeSecurityProfile":                  {connectlocal.NotFound, connectlocal.InvalidArgument},
	"ListSecurityProfiles":                     {connectlocal.NotFound, connectlocal.InvalidArgument},
	"UpdateSecurityProfile":                    {connectlocal.NotFound, connectlocal.InvalidArgument},
	"DeleteSecurityProfile":                    {connectlocal.NotFound, connectlocal.InvalidArgument, connectlocal.InUse},
	"ListSecurityProfilePermissions":           {connectlocal.NotFound, connectlocal.InvalidArgument},
	"SearchSecurityProfiles":                   {connectlocal.NotFound, connectlocal.InvalidArgument},
	"CreateAgentStatus":                        {connectlocal.NotFound, connectlocal.InvalidArgument, connectlocal.AlreadyExists, connectlocal.QuotaExceeded},
	"DescribeAgentStatus":                      {connectlocal.NotFound, connectlocal.InvalidArgument},
	"ListAgentStatuses":                        {connectlocal.NotFound, connectlocal.InvalidArgument},
	"UpdateAgentStatus":                        {connectlocal.NotFound, connectlocal.InvalidArgument, connectlocal.AlreadyExists},
	// issue 20: users and the user hierarchy
	"CreateUser":                     {connectlocal.NotFound, connectlocal.InvalidArgument, connectlocal.InvalidRequest, connectlocal.AlreadyExists, connectlocal.QuotaExceeded},
	"DescribeUser":                   {connectlocal.NotFound, connectlocal.InvalidArgument},
	"ListUsers":                      {connectlocal.NotFound, connectlocal.InvalidArgument},
	"DeleteUser":                     {connectlocal.NotFound, connectlocal.InvalidArgument},
	"UpdateUserHierarchy":            {connectlocal.NotFound, connectlocal.InvalidArgument},
	"UpdateUserIdentityInfo":         {connectlocal.NotFound, connectlocal.InvalidArgument, connectlocal.InvalidRequest},
	"UpdateUserPhoneConfig":          {connectlocal.NotFound, connectlocal.InvalidArgument},
	"UpdateUserRoutingProfile":       {connectlocal.NotFound, connectlocal.InvalidArgument},
	"UpdateUserSecurityProfiles":     {connectlocal.NotFound, connectlocal.InvalidArgument},
	"SearchUsers":                    {connectlocal.NotFound, connectlocal.InvalidArgument},
	"CreateUserHierarchyGroup":       {connectlocal.NotFound, connectlocal.InvalidArgument, connectlocal.InvalidRequest, connectlocal.AlreadyExists, connectlocal.QuotaExceeded},
	"DescribeUserHierarchyGroup":     {connectlocal.NotFound, connectlocal.InvalidArgument},
	"ListUserHierarchyGroups":        {connectlocal.NotFound, connectlocal.InvalidArgument},
	"DeleteUserHierarchyGroup":       {connectlocal.NotFound, connectlocal.InvalidArgument, connectlocal.InUse},
	"UpdateUserHierarchyGroupName":   {connectlocal.NotFound, connectlocal.InvalidArgument, connectlocal.AlreadyExists},
	"DescribeUserHierarchyStructure": {connectlocal.NotFound, connectlocal.InvalidArgument},
	"UpdateUserHierarchyStructure":   {connectlocal.NotFound, connectlocal.InvalidArgument, connectlocal.InUse},
	// issue 20: contact flow modules and flow metadata
	"CreateContactFlowModule":         {connectlocal.NotFound, connectlocal.InvalidArgument, connectlocal.InvalidFlow, connectlocal.AlreadyExists, connectlocal.QuotaExceeded},
	"DescribeContactFlowModule":       {connectlocal.NotFound, connectlocal.InvalidArgument},
	"ListContactFlowModules":          {connectlocal.NotFound, connectlocal.InvalidArgument},
	"DeleteContactFlowModule":         {connectlocal.NotFound, connectlocal.InvalidArgument},
	"UpdateContactFlowModuleContent":  {connectlocal.NotFound, connectlocal.InvalidArgument, connectlocal.InvalidFlow},
	"UpdateContactFlowModuleMetadata": {connectlocal.NotFound, connectlocal.InvalidArgument, connectlocal.AlreadyExists},
	"UpdateContactFlowName":           {connectlocal.NotFound, connectlocal.InvalidArgument, connectlocal.AlreadyExists},
	"UpdateContactFlowMetadata":       {connectlocal.NotFound, connectlocal.InvalidArgument, connectlocal.AlreadyExists},
}

// Each code an operation returns maps to an error type in that operation's model error list.
func TestOperationErrorsAreModelled(t *testing.T) {
	m := model.Load()
	for op, codes := range codesByOperation {
		for _, c := range append(codes, connectlocal.Internal) {
			typ := wireType(m.Operations[op], c)
			if !slices.Contains(m.Operations[op].Errors, typ) && !slices.Contains(deliberateExceptions[op], typ) {
				t.Errorf("%s answers %s with %s, which its model error list lacks", op, c, typ)
			}
		}
	}
}

// The authentication codes answer AWS's front-end types with 403 on every operation, mounted endpoints too.
func TestAuthErrorsAreUnmodelled403(t *testing.T) {
	m := model.Load()
	want := map[connectlocal.Code]string{connectlocal.UnknownKey: "UnrecognizedClientException",
		connectlocal.BadSignature: "InvalidSignatureException", connectlocal.MissingAuth: "MissingAuthenticationTokenException",
		connectlocal.IncompleteAuth: "IncompleteSignatureException"}
	for code, typ := range want {
		for _, op := range append(m.OperationNames(), "") {
			if got := wireType(m.Operations[op], code); got != typ {
				t.Errorf("%s on %q answers %s, want %s", code, op, got, typ)
			}
		}
		if m.ErrorStatus(typ) != 0 || unmodelledStatus[typ] != 403 {
			t.Errorf("%s: model status %d, unmodelled status %d, want only the unmodelled 403", typ, m.ErrorStatus(typ), unmodelledStatus[typ])
		}
	}
}

// Wire structs use the model's member names: every JSON name of a request or response struct is a member of
// the model shape of the same name, and every request struct covers all its shape's members.
func TestWireStructsMatchModel(t *testing.T) {
	m := model.Load()
	for _, v := range wireStructs {
		typ := reflect.TypeOf(v)
		shape := m.Shapes[typ.Name()]
		if shape == nil {
			t.Errorf("wire struct %s has no model shape", typ.Name())
			continue
		}
		names := map[string]bool{}
		for i := 0; i < typ.NumField(); i++ {
			f := typ.Field(i)
			name := strings.Split(f.Tag.Get("json"), ",")[0]
			if name == "" {
				name = f.Name
			}
			names[name] = true
			if shape.Members[name] == nil {
				t.Errorf("%s.%s is not a member of the model shape", typ.Name(), name)
			}
		}
		if strings.HasSuffix(typ.Name(), "Request") {
			for _, member := range shape.MemberNames {
				if !names[member] {
					t.Errorf("%s lacks the model member %s", typ.Name(), member)
				}
			}
		}
	}
}
