package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
	"github.com/connectlocal/connectlocal"
	"github.com/connectlocal/connectlocal/internal/connecttest"
	"github.com/connectlocal/connectlocal/internal/e2e"
	"github.com/connectlocal/connectlocal/postgres/postgrestest"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"
)

const (
	secretKey    = "wJalrXUtnFEMI-SECRET-KEY-never-logged"
	sessionToken = "FwoGZXIvYXdzE-SESSION-TOKEN-never-logged"
)

// stop ends the process with SIGTERM and waits, so its stderr is complete.
func (p *process) stop(t *testing.T) {
	t.Helper()
	p.cmd.Process.Signal(syscall.SIGTERM)
	if err := p.cmd.Wait(); err != nil {
		t.Fatalf("serve after SIGTERM: %v\n%s", err, p.stderr)
	}
}

// signedClient signs with a secret key and a session token, which must never reach a log.
func signedClient(url, account string) *connect.Client {
	return connect.New(connect.Options{BaseEndpoint: aws.String(url), Region: "eu-west-2", Retryer: aws.NopRetryer{},
		Credentials: credentials.NewStaticCredentialsProvider(account, secretKey, sessionToken)})
}

func createInstance(t *testing.T, c *connect.Client, alias string) string {
	t.Helper()
	out, err := c.CreateInstance(t.Context(), &connect.CreateInstanceInput{IdentityManagementType: types.DirectoryTypeConnectManaged,
		InstanceAlias: aws.String(alias), InboundCallsEnabled: aws.Bool(true), OutboundCallsEnabled: aws.Bool(true)})
	if err != nil {
		t.Fatal(err)
	}
	return *out.Id
}

var textPair = regexp.MustCompile(`(\w+)=("(?:[^"\\]|\\.)*"|\S*)`)

// parseLogLines reads slog's text or JSON lines into maps of strings.
func parseLogLines(t *testing.T, format, out string) []map[string]string {
	t.Helper()
	var lines []map[string]string
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		m := map[string]string{}
		if format == "json" {
			var raw map[string]any
			if err := json.Unmarshal(sc.Bytes(), &raw); err != nil {
				t.Fatalf("not a JSON line: %q: %v", sc.Text(), err)
			}
			for k, v := range raw {
				if s, ok := v.(string); ok {
					m[k] = s
				} else {
					b, _ := json.Marshal(v)
					m[k] = string(b)
				}
			}
		} else {
			for _, kv := range textPair.FindAllStringSubmatch(sc.Text(), -1) {
				v := kv[2]
				if strings.HasPrefix(v, `"`) {
					v, _ = strconv.Unquote(v)
				}
				m[kv[1]] = v
			}
		}
		lines = append(lines, m)
	}
	return lines
}

func TestServe_logsOneLinePerRequest(t *testing.T) {
	for _, format := range []string{"text", "json"} {
		t.Run(format, func(t *testing.T) {
			p := startServe(t, nil, "--store", "memory", "--log-format", format, "--log-level", "debug", "--quota", "instances-per-region=1")
			c := signedClient(p.URL, "123456789012")
			id := createInstance(t, c, "logged-"+format)
			_, err := c.CreateInstance(t.Context(), &connect.CreateInstanceInput{IdentityManagementType: types.DirectoryTypeConnectManaged,
				InstanceAlias: aws.String("over-quota-" + format), InboundCallsEnabled: aws.Bool(true), OutboundCallsEnabled: aws.Bool(true)})
			var quota *types.ServiceQuotaExceededException
			if !errors.As(err, &quota) {
				t.Fatalf("second instance: %v", err)
			}
			resp, err := http.Get(p.URL + "/no/such/route")
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			p.stop(t)

			out := p.stderr.String()
			for _, secret := range []string{secretKey, sessionToken, "Signature=", "Authorization"} {
				if strings.Contains(out, secret) {
					t.Fatalf("the log holds %q:\n%s", secret, out)
				}
			}
			var reqs []map[string]string
			for _, l := range parseLogLines(t, format, out) {
				if l["msg"] == "request" {
					reqs = append(reqs, l)
				}
			}
			if len(reqs) != 3 {
				t.Fatalf("%d request lines, want 3:\n%s", len(reqs), out)
			}
			for i, want := range []map[string]string{
				{"account": "123456789012", "region": "eu-west-2", "operation": "CreateInstance", "status": "200", "level": "INFO"},
				{"operation": "CreateInstance", "status": "402", "error_type": "ServiceQuotaExceededException",
					"quota": "instances-per-region", "hint": "raise it with serve --quota instances-per-region=N (or CONNECTLOCAL_QUOTA)"},
				{"account": "000000000000", "region": "us-east-1", "method": "GET", "path": "/no/such/route", "status": "404",
					"error_type": "UnknownOperationException"},
			} {
				for k, v := range want {
					if reqs[i][k] != v {
						t.Errorf("line %d: %s = %q, want %q (%v)", i, k, reqs[i][k], v, reqs[i])
					}
				}
				for _, k := range []string{"time", "request_id", "duration"} {
					if reqs[i][k] == "" {
						t.Errorf("line %d has no %s: %v", i, k, reqs[i])
					}
				}
			}
			if !strings.Contains(reqs[0]["response_body"], id) || !strings.Contains(reqs[0]["request_body"], "logged-"+format) {
				t.Errorf("debug line lacks the bodies: %v", reqs[0])
			}
		})
	}
}

func TestServe_infoLogHasNoBodies(t *testing.T) {
	p := startServe(t, nil, "--store", "memory")
	createInstance(t, signedClient(p.URL, "123456789012"), "quiet")
	p.stop(t)
	if out := p.stderr.String(); !strings.Contains(out, "operation=CreateInstance") || strings.Contains(out, "quiet") {
		t.Fatalf("info log: %s", out)
	}
}

func post(t *testing.T, url string, body []byte) (int, map[string]any) {
	t.Helper()
	resp, err := http.Post(url, "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out map[string]any
	raw, _ := io.ReadAll(resp.Body)
	if err := json.Unmarshal(raw, &out); err != nil {
		t.Fatalf("%s: %q", url, raw)
	}
	return resp.StatusCode, out
}

func instances(t *testing.T, c *connect.Client) int {
	t.Helper()
	out, err := c.ListInstances(t.Context(), &connect.ListInstancesInput{})
	if err != nil {
		t.Fatal(err)
	}
	return len(out.InstanceSummaryList)
}

var fields = []types.TaskTemplateField{{Id: &types.TaskTemplateFieldIdentifier{Name: aws.String("Title")}, Type: types.TaskTemplateFieldTypeName},
	{Id: &types.TaskTemplateFieldIdentifier{Name: aws.String("Assign")}, Type: types.TaskTemplateFieldTypeQuickConnect}}

func TestServe_resetOneAccountThenAll(t *testing.T) {
	p := startServe(t, nil, "--store", "sqlite:"+filepath.Join(t.TempDir(), "reset.db"))
	a := connecttest.NewClient(p.URL, "111111111111", "us-east-1")
	b := connecttest.NewClient(p.URL, "222222222222", "us-east-1")
	inst := createInstance(t, a, "reset-a")
	if _, err := a.CreateTaskTemplate(t.Context(), &connect.CreateTaskTemplateInput{InstanceId: &inst, Name: aws.String("t"),
		Fields: fields}); err != nil {
		t.Fatal(err)
	}
	createInstance(t, b, "reset-b")

	status, out := post(t, p.URL+"/_connectlocal/reset?account=111111111111", nil)
	removed, _ := json.Marshal(out["removed"])
	if status != 200 || string(removed) != `{"contactFlows":9,"contacts":0,"idempotencyTokens":1,"instances":1,"routingObjects":9,"taskTemplates":1}` {
		t.Fatalf("reset one account: %d %s", status, removed)
	}
	if instances(t, a) != 0 || instances(t, b) != 1 {
		t.Fatalf("after resetting account A: A %d, B %d", instances(t, a), instances(t, b))
	}
	createInstance(t, a, "reset-a") // the alias is free again
	status, out = post(t, p.URL+"/_connectlocal/reset", nil)
	if removed := out["removed"].(map[string]any); status != 200 || removed["instances"] != 2.0 {
		t.Fatalf("reset all: %d %v", status, out)
	}
	if instances(t, a) != 0 || instances(t, b) != 0 {
		t.Fatal("reset all left instances")
	}
}

// A test suite written for moto's server mode resets the server before each test through /moto-api/reset
// (moto/core/models.py); run one with boto3 against connectlocal.
func TestServe_motoServerModeReset(t *testing.T) {
	e2e.Require(t, "moto's test harness in Python")
	if err := exec.Command("python3", "-c", "import boto3, moto, requests").Run(); err != nil {
		e2e.Missing(t, fmt.Sprintf("needs python3 with boto3 and moto (pip install boto3 'moto[server]'): %v", err))
	}
	p := startServe(t, nil, "--store", "memory")
	script := `
import boto3
from moto import mock_aws

@mock_aws
def test_starts_empty():
    c = boto3.client("connect", region_name="us-east-1", aws_access_key_id="123456789012", aws_secret_access_key="x")
    assert c.list_instances()["InstanceSummaryList"] == [], "not reset"
    c.create_instance(IdentityManagementType="CONNECT_MANAGED", InstanceAlias="moto-test", InboundCallsEnabled=True, OutboundCallsEnabled=True)
    assert len(c.list_instances()["InstanceSummaryList"]) == 1

test_starts_empty()
test_starts_empty()  # the same alias again: only a reset in between makes this pass
print("ok")
`
	cmd := exec.Command("python3", "-c", script)
	cmd.Env = append(os.Environ(), "TEST_SERVER_MODE=true", "TEST_SERVER_MODE_ENDPOINT="+p.URL)
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "ok") {
		t.Fatalf("boto3 under moto's server mode: %v\n%s", err, out)
	}
}

// populate makes one of everything export carries, through the SDK.
func populate(t *testing.T, url string) {
	t.Helper()
	ctx := t.Context()
	for _, account := range []string{"123456789012", "210987654321"} {
		c := connecttest.NewClient(url, account, "us-west-2")
		inst := createInstance(t, c, "export-"+account)
		if _, err := c.TagResource(ctx, &connect.TagResourceInput{ResourceArn: aws.String("arn:aws:connect:us-west-2:" + account + ":instance/" + inst),
			Tags: map[string]string{"team": "ops"}}); err != nil {
			t.Fatal(err)
		}
		if _, err := c.UpdateInstanceAttribute(ctx, &connect.UpdateInstanceAttributeInput{InstanceId: &inst,
			AttributeType: types.InstanceAttributeTypeContactflowLogs, Value: aws.String("true")}); err != nil {
			t.Fatal(err)
		}
		if _, err := c.AssociateAnalyticsDataSet(ctx, &connect.AssociateAnalyticsDataSetInput{InstanceId: &inst, DataSetId: aws.String("contact_record")}); err != nil {
			t.Fatal(err)
		}
		flow, err := c.CreateContactFlow(ctx, &connect.CreateContactFlowInput{InstanceId: &inst, Name: aws.String("route"), Type: types.ContactFlowTypeContactFlow,
			Content: aws.String(`{"Version":"2019-10-30","StartAction":"end","Actions":[{"Identifier":"end","Type":"DisconnectParticipant","Parameters":{},"Transitions":{}}]}`),
			Tags:    map[string]string{"flow": "yes"}})
		if err != nil {
			t.Fatal(err)
		}
		tmpl, err := c.CreateTaskTemplate(ctx, &connect.CreateTaskTemplateInput{InstanceId: &inst, Name: aws.String("refund"), ContactFlowId: flow.ContactFlowId,
			Fields: []types.TaskTemplateField{{Id: &types.TaskTemplateFieldIdentifier{Name: aws.String("Title")}, Type: types.TaskTemplateFieldTypeName},
				{Id: &types.TaskTemplateFieldIdentifier{Name: aws.String("Amount")}, Type: types.TaskTemplateFieldTypeNumber}},
			Constraints: &types.TaskTemplateConstraints{RequiredFields: []types.RequiredFieldInfo{{Id: &types.TaskTemplateFieldIdentifier{Name: aws.String("Amount")}}}}})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := c.UpdateTaskTemplate(ctx, &connect.UpdateTaskTemplateInput{InstanceId: &inst, TaskTemplateId: tmpl.Id, Description: aws.String("v2")}); err != nil {
			t.Fatal(err)
		}
		if _, err := c.TagResource(ctx, &connect.TagResourceInput{ResourceArn: tmpl.Arn, Tags: map[string]string{"kind": "template"}}); err != nil {
			t.Fatal(err)
		}
		for i, name := range []string{"stopped", "running"} {
			task, err := c.StartTaskContact(ctx, &connect.StartTaskContactInput{InstanceId: &inst, TaskTemplateId: tmpl.Id, Name: aws.String(name),
				References: map[string]types.Reference{"Amount": {Type: types.ReferenceTypeNumber, Value: aws.String("12")}},
				Attributes: map[string]string{"n": strconv.Itoa(i)}})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := c.TagContact(ctx, &connect.TagContactInput{InstanceId: &inst, ContactId: task.ContactId, Tags: map[string]string{"case": name}}); err != nil {
				t.Fatal(err)
			}
			if _, err := c.UpdateContact(ctx, &connect.UpdateContactInput{InstanceId: &inst, ContactId: task.ContactId, Description: aws.String("updated")}); err != nil {
				t.Fatal(err)
			}
			if name == "stopped" {
				if _, err := c.StopContact(ctx, &connect.StopContactInput{InstanceId: &inst, ContactId: task.ContactId}); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
}

func runCLI(t *testing.T, stdin []byte, args ...string) (string, error) {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Stdin = bytes.NewReader(stdin)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return string(out), errors.New(strings.TrimSpace(stderr.String()))
	}
	return string(out), nil
}

func TestExportImport_roundTripOnEveryStore(t *testing.T) {
	src := startServe(t, nil, "--store", "memory")
	populate(t, src.URL)
	doc, err := runCLI(t, nil, "export", "--endpoint", src.URL)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"PreviousVersions"`, `"DisconnectTimestamp"`, `"CONTACTFLOW_LOGS": "true"`, `"DataSetId": "contact_record"`,
		`"case": "stopped"`, `"LastUpdateTimestamp"`} {
		if !strings.Contains(doc, want) {
			t.Errorf("export lacks %s", want)
		}
	}
	if strings.Count(doc, `"InstanceAlias"`) != 2 {
		t.Fatalf("export lacks something:\n%s", doc)
	}
	stores := map[string]func(t *testing.T) string{
		"memory": func(*testing.T) string { return "" }, // through a running server
		"sqlite": func(t *testing.T) string { return "sqlite:" + filepath.Join(t.TempDir(), "imported.db") },
		"postgres": func(t *testing.T) string {
			return postgrestest.DSN(t)
		},
	}
	for name, storeURL := range stores {
		t.Run(name, func(t *testing.T) {
			url := storeURL(t)
			where := []string{"--store", url}
			if url == "" {
				where = []string{"--endpoint", startServe(t, nil, "--store", "memory").URL}
			}
			file := filepath.Join(t.TempDir(), "state.json")
			os.WriteFile(file, []byte(doc), 0o600)
			out, err := runCLI(t, nil, append(append([]string{"import"}, where...), file)...)
			if err != nil || !strings.Contains(out, "created 2 instances, 2 contact flows, 2 task templates, 4 contacts; found already there 18 contact flows, 18 routing objects") /* each new instance's 9 default flows */ {
				t.Fatalf("import: %q %v", out, err)
			}
			again, err := runCLI(t, nil, append([]string{"export"}, where...)...)
			if err != nil {
				t.Fatal(err)
			}
			if again != doc {
				t.Fatalf("export after import differs:\n--- first\n%s\n--- second\n%s", doc, again)
			}
			out, err = runCLI(t, []byte(doc), append(append([]string{"import"}, where...), "-")...)
			if err != nil || !strings.Contains(out, "created nothing; found already there 2 instances, 20 contact flows, 2 task templates, 4 contacts, 18 routing objects") {
				t.Fatalf("second import: %q %v", out, err)
			}
			if third, _ := runCLI(t, nil, append([]string{"export"}, where...)...); third != doc {
				t.Fatal("importing twice changed the state")
			}
		})
	}
}

func TestImport_brokenDocumentWritesNothing(t *testing.T) {
	p := startServe(t, nil, "--store", "memory")
	broken := `{"Instances": [
	  {"InstanceAlias": "fine", "IdentityManagementType": "CONNECT_MANAGED", "InboundCallsEnabled": true, "OutboundCallsEnabled": true},
	  {"InstanceAlias": "broken", "IdentityManagementType": "CONNECT_MANAGED", "InboundCallsEnabled": true, "OutboundCallsEnabled": true,
	   "TaskTemplates": [{"Name": "two names", "Fields": [{"Id": {"Name": "A"}, "Type": "NAME"}, {"Id": {"Name": "B"}, "Type": "NAME"}]}]}]}`
	status, out := post(t, p.URL+"/_connectlocal/import", []byte(broken))
	msg, _ := out["Message"].(string)
	if status != 400 || !strings.Contains(msg, `Instances[1] "broken"`) || !strings.Contains(msg, `TaskTemplates[0] "two names"`) {
		t.Fatalf("broken import: %d %v", status, out)
	}
	if n := instances(t, connecttest.NewClient(p.URL, "000000000000", "us-east-1")); n != 0 {
		t.Fatalf("a refused import kept %d instances", n)
	}
	file := filepath.Join(t.TempDir(), "broken.json")
	os.WriteFile(file, []byte(broken), 0o600)
	db := filepath.Join(t.TempDir(), "broken.db")
	if _, err := runCLI(t, nil, "import", "--store", "sqlite:"+db, file); err == nil || !strings.Contains(err.Error(), "nothing imported") {
		t.Fatalf("CLI import of a broken file: %v", err)
	}
	if doc, err := runCLI(t, nil, "export", "--store", "sqlite:"+db); err != nil || strings.Contains(doc, "fine") {
		t.Fatalf("after a refused import: %q %v", doc, err)
	}
}

func scrape(t *testing.T, url string) map[string]float64 {
	t.Helper()
	resp, err := http.Get(url + "/_connectlocal/metrics")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	parser := expfmt.NewTextParser(model.UTF8Validation)
	families, err := parser.TextToMetricFamilies(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]float64{}
	for name, f := range families {
		for _, m := range f.Metric {
			key := name
			for _, l := range m.Label {
				key += "," + l.GetName() + "=" + l.GetValue()
			}
			switch {
			case m.Counter != nil:
				out[key] = m.Counter.GetValue()
			case m.Gauge != nil:
				out[key] = m.Gauge.GetValue()
			case m.Histogram != nil:
				out[key+",count"] = float64(m.Histogram.GetSampleCount())
			}
		}
	}
	return out
}

func TestServe_metricsAfterAKnownSequence(t *testing.T) {
	p := startServe(t, nil, "--store", "memory")
	c := connecttest.NewClient(p.URL, "123456789012", "us-east-1")
	inst := createInstance(t, c, "metrics")
	for i := range 3 {
		if _, err := c.CreateTaskTemplate(t.Context(), &connect.CreateTaskTemplateInput{InstanceId: &inst, Name: aws.String("t" + strconv.Itoa(i)),
			Fields: fields}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := c.DescribeInstance(t.Context(), &connect.DescribeInstanceInput{InstanceId: aws.String("00000000-0000-0000-0000-000000000000")}); err == nil {
		t.Fatal("describe of a missing instance succeeded")
	}
	m := scrape(t, p.URL)
	for key, want := range map[string]float64{
		"connectlocal_requests_total,operation=CreateInstance,status=200":          1,
		"connectlocal_requests_total,operation=CreateTaskTemplate,status=200":      3,
		"connectlocal_requests_total,operation=DescribeInstance,status=404":        1,
		"connectlocal_request_duration_seconds,operation=CreateTaskTemplate,count": 3,
		"connectlocal_requests_in_flight":                                          1, // the scrape itself
		"connectlocal_resources,kind=instance":                                     1,
		"connectlocal_resources,kind=task_template":                                3,
		"connectlocal_resources,kind=contact_flow":                                 float64(len(connectlocal.DefaultFlows)), // the instance's defaults
	} {
		if m[key] != want {
			t.Errorf("%s = %v, want %v", key, m[key], want)
		}
	}
	if m["connectlocal_store_duration_seconds,method=Update,count"] < 4 || m["connectlocal_store_duration_seconds,method=View,count"] < 1 {
		t.Errorf("store latency not counted: %v", m)
	}
	if again := scrape(t, p.URL); again["connectlocal_requests_total,operation=GET /_connectlocal/metrics,status=200"] != 1 {
		t.Errorf("the first scrape is not counted: %v", again)
	}
}

func getJSON(t *testing.T, url string) (int, map[string]any) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out map[string]any
	json.NewDecoder(resp.Body).Decode(&out)
	return resp.StatusCode, out
}

// proxy forwards TCP connections to target until closed, which cuts every connection: to the server behind
// it, the database has stopped (the shared PostgreSQL itself stays up for everyone else).
type proxy struct {
	ln    net.Listener
	mu    sync.Mutex
	conns []net.Conn
}

func startProxy(t *testing.T, target string) *proxy {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &proxy{ln: ln}
	go func() {
		for {
			in, err := ln.Accept()
			if err != nil {
				return
			}
			out, err := net.Dial("tcp", target)
			if err != nil {
				in.Close()
				continue
			}
			p.mu.Lock()
			p.conns = append(p.conns, in, out)
			p.mu.Unlock()
			go func() { io.Copy(out, in); out.Close() }()
			go func() { io.Copy(in, out); in.Close() }()
		}
	}()
	t.Cleanup(p.stop)
	return p
}

func (p *proxy) stop() {
	p.ln.Close()
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, c := range p.conns {
		c.Close()
	}
}

func TestServe_healthOnAStoppedPostgres(t *testing.T) {
	dsn := postgrestest.DSN(t)
	prefix := "postgres://"
	rest := strings.TrimPrefix(dsn, prefix)
	at := strings.Index(rest, "@")
	slash := strings.Index(rest[at:], "/") + at
	px := startProxy(t, rest[at+1:slash])
	viaProxy := prefix + rest[:at+1] + px.ln.Addr().String() + rest[slash:]

	p := startServe(t, nil, "--store", viaProxy)
	status, body := getJSON(t, p.URL+"/_connectlocal/health")
	if status != 200 || body["store"] != "postgres" || body["status"] != "ok" || body["version"] == "" || body["uptimeSeconds"] == nil {
		t.Fatalf("health: %d %v", status, body)
	}
	px.stop()
	status, body = getJSON(t, p.URL+"/_connectlocal/health")
	reason, _ := body["reason"].(string)
	if status != 503 || !strings.Contains(reason, "store does not answer") || body["store"] != "postgres" {
		t.Fatalf("health with the database gone: %d %v", status, body)
	}
	for _, v := range body {
		if s, ok := v.(string); ok && strings.Contains(s, px.ln.Addr().String()+rest[slash:]) {
			t.Fatalf("health shows the DSN: %v", body)
		}
	}
}
