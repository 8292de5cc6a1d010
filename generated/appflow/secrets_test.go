package appflow_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	sdk "github.com/aws/aws-sdk-go-v2/service/appflow"
	"github.com/aws/aws-sdk-go-v2/service/appflow/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	fl "github.com/smithygen/smithygen/generated/appflow"
	"github.com/smithygen/smithygen/specs"
)

// secretValue is one value the test sends in a profile's credentials.
type secretValue struct {
	path, value string
	sensitive   bool // the model marks it @sensitive (itself or its target)
}

// secretModelSensitive returns the members of the AppFlow model that are
// @sensitive or target a @sensitive shape (a map counts when its key or
// value does), as lower-case "Shape.member".
func secretModelSensitive(t *testing.T) map[string]bool {
	t.Helper()
	data, err := specs.FS.ReadFile("appflow.json")
	require.NoError(t, err)
	var m struct {
		Shapes map[string]struct {
			Type    string
			Key     struct{ Target string }
			Value   struct{ Target string }
			Traits  map[string]json.RawMessage
			Members map[string]struct {
				Target string
				Traits map[string]json.RawMessage
			}
		}
	}
	require.NoError(t, json.Unmarshal(data, &m))
	sensitive := func(id string) bool {
		s := m.Shapes[id]
		_, ok := s.Traits["smithy.api#sensitive"]
		return ok
	}
	out := map[string]bool{}
	for id, s := range m.Shapes {
		for name, mem := range s.Members {
			_, ok := mem.Traits["smithy.api#sensitive"]
			target := m.Shapes[mem.Target]
			if ok || sensitive(mem.Target) || (target.Type == "map" && (sensitive(target.Key.Target) || sensitive(target.Value.Target))) {
				out[strings.ToLower(id[strings.IndexByte(id, '#')+1:]+"."+name)] = true
			}
		}
	}
	require.NotEmpty(t, out)
	return out
}

// secretFill sets every member of the struct v points to (a credentials
// shape of the SDK) to a value of its own, recursively, and returns the
// values: strings get a unique secret (in the form the member's pattern
// wants), maps one entry whose key and value are secrets, enums their first
// value.
func secretFill(v reflect.Value, path string, sens map[string]bool, n *int, out *[]secretValue) {
	v = v.Elem()
	shape := v.Type().Name()
	for i := range v.NumField() {
		f := v.Type().Field(i)
		if !f.IsExported() {
			continue
		}
		p := path + "." + f.Name
		sensitive := sens[strings.ToLower(shape+"."+f.Name)]
		fv := v.Field(i)
		tok := func() string {
			*n++
			return fmt.Sprintf("afl_%s_S3CR3T_%03d", f.Name, *n)
		}
		switch {
		case fv.Kind() == reflect.Pointer && fv.Type().Elem().Kind() == reflect.String:
			s := tok()
			switch {
			case strings.HasSuffix(f.Name, "Arn"):
				s = "arn:aws:secretsmanager:us-east-1:123456789012:secret:" + s
			case f.Name == "JwtToken":
				s = "header.body." + s
			case strings.HasSuffix(f.Name, "Uri") || strings.HasSuffix(f.Name, "Url"):
				s = "https://example.com/" + s
			}
			fv.Set(reflect.ValueOf(&s))
			*out = append(*out, secretValue{p, s, sensitive})
		case fv.Kind() == reflect.String:
			values := fv.Addr().MethodByName("Values")
			if values.IsValid() {
				fv.Set(values.Call(nil)[0].Index(0))
			}
		case fv.Kind() == reflect.Pointer && fv.Type().Elem().Kind() == reflect.Struct:
			fv.Set(reflect.New(fv.Type().Elem()))
			secretFill(fv, p, sens, n, out)
		case fv.Kind() == reflect.Map && fv.Type().Key().Kind() == reflect.String && fv.Type().Elem().Kind() == reflect.String:
			k, s := tok(), tok()
			fv.Set(reflect.ValueOf(map[string]string{k: s}))
			*out = append(*out, secretValue{p + "{key}", k, sensitive}, secretValue{p + "{value}", s, sensitive})
		}
	}
}

// secretProfiles returns, for every member of ConnectorProfileCredentials,
// a profile configuration with only that member's credentials, all filled
// by secretFill, and the connector type of that member.
func secretProfiles(t *testing.T, n *int, out *[]secretValue) map[string]*types.ConnectorProfileConfig {
	t.Helper()
	sens := secretModelSensitive(t)
	configs := map[string]*types.ConnectorProfileConfig{}
	creds := reflect.TypeOf(types.ConnectorProfileCredentials{})
	for i := range creds.NumField() {
		f := creds.Field(i)
		if !f.IsExported() || f.Type.Kind() != reflect.Pointer {
			continue
		}
		c := new(types.ConnectorProfileCredentials)
		member := reflect.ValueOf(c).Elem().Field(i)
		member.Set(reflect.New(f.Type.Elem()))
		secretFill(member, f.Name, sens, n, out)
		configs[f.Name] = &types.ConnectorProfileConfig{ConnectorProfileProperties: &types.ConnectorProfileProperties{}, ConnectorProfileCredentials: c}
	}
	require.Greater(t, len(configs), 15, "a profile of every connector's credentials")
	return configs
}

// secretConnectorType is the connector type named like a member of
// ConnectorProfileCredentials.
func secretConnectorType(t *testing.T, member string) types.ConnectorType {
	t.Helper()
	for _, v := range types.ConnectorType("").Values() {
		if strings.EqualFold(string(v), member) {
			return v
		}
	}
	t.Fatalf("no connector type for credentials member %s", member)
	return ""
}

// TestSecretsNeverLeak runs a full lifecycle — a profile with the
// credentials of every connector (every member filled with a known value)
// created, created again (conflict), updated with new credentials, described
// by name and listed, updated and deleted while missing, refused by
// validation, sent as malformed JSON, deleted — with the real SDK against the
// in-process server, behind a Handler that logs every input and output the
// way a user's middleware would (log.Printf with %v, %+v, %s and %#v, slog's
// text handler). It captures every reply (status, headers, body), every
// error the SDK returned, the server's log and those log lines. No value of
// the credentials, which are write-only, may appear in a reply, an error or
// the server's log; no @sensitive value in the middleware's log either.
func TestSecretsNeverLeak(t *testing.T) {
	ctx := context.Background()
	var tr secretTranscript
	logged := &secretLogging{Handler: fl.NewFake(), printf: log.New(tr.writer("middleware log.Printf"), "", 0),
		slog: slog.New(slog.NewTextHandler(tr.writer("middleware slog text"), nil))}
	srv := httptest.NewServer(fl.NewServer(logged, fl.WithLogger(slog.New(slog.NewTextHandler(tr.writer("server log"), &slog.HandlerOptions{Level: slog.LevelDebug})))))
	defer srv.Close()
	c := sdk.New(sdk.Options{Region: "us-east-1", BaseEndpoint: aws.String(srv.URL), RetryMaxAttempts: 1,
		Credentials: credentials.NewStaticCredentialsProvider("AKIDEXAMPLE", "secret", ""),
		HTTPClient:  &secretRecorder{tr: &tr}})
	call := func(what string, err error) {
		if err != nil {
			tr.add("SDK error", what+": "+err.Error())
		}
	}
	var n int
	var values []secretValue
	created, updated, again := secretProfiles(t, &n, &values), secretProfiles(t, &n, &values), secretProfiles(t, &n, &values)
	members := slices.Sorted(func(yield func(string) bool) {
		for m := range created {
			if !yield(m) {
				return
			}
		}
	})
	for _, member := range members {
		name := aws.String("secret-" + member)
		typ := secretConnectorType(t, member)
		_, err := c.CreateConnectorProfile(ctx, &sdk.CreateConnectorProfileInput{ConnectorProfileName: name, ConnectorType: typ,
			ConnectionMode: types.ConnectionModePublic, ConnectorProfileConfig: created[member]})
		require.NoError(t, err, member)
		_, err = c.CreateConnectorProfile(ctx, &sdk.CreateConnectorProfileInput{ConnectorProfileName: name, ConnectorType: typ,
			ConnectionMode: types.ConnectionModePublic, ConnectorProfileConfig: again[member]})
		require.Error(t, err, "a duplicate create")
		call("duplicate create "+member, err)
		_, err = c.UpdateConnectorProfile(ctx, &sdk.UpdateConnectorProfileInput{ConnectorProfileName: name, ConnectionMode: types.ConnectionModePrivate,
			ConnectorProfileConfig: updated[member]})
		require.NoError(t, err, member)
		d, err := c.DescribeConnectorProfiles(ctx, &sdk.DescribeConnectorProfilesInput{ConnectorProfileNames: []string{*name}})
		require.NoError(t, err, member)
		require.Len(t, d.ConnectorProfileDetails, 1, member)
		_, err = c.UpdateConnectorProfile(ctx, &sdk.UpdateConnectorProfileInput{ConnectorProfileName: aws.String("missing-" + member),
			ConnectionMode: types.ConnectionModePrivate, ConnectorProfileConfig: again[member]})
		require.Error(t, err, "an update of a missing profile")
		call("update missing "+member, err)
	}
	_, err := c.DescribeConnectorProfiles(ctx, &sdk.DescribeConnectorProfilesInput{})
	require.NoError(t, err)

	// Validation failures around secrets: a secret too long, a
	// connector-defined secret (its name is sensitive too) too long.
	long := strings.Repeat("x", 4096)
	for _, cfg := range []*types.ConnectorProfileConfig{
		{ConnectorProfileProperties: &types.ConnectorProfileProperties{}, ConnectorProfileCredentials: &types.ConnectorProfileCredentials{
			Redshift: &types.RedshiftConnectorProfileCredentials{Username: aws.String("u"), Password: aws.String("afl_Password_S3CR3T_long" + long)}}},
		{ConnectorProfileProperties: &types.ConnectorProfileProperties{}, ConnectorProfileCredentials: &types.ConnectorProfileCredentials{
			CustomConnector: &types.CustomConnectorProfileCredentials{AuthenticationType: types.AuthenticationTypeCustom, Custom: &types.CustomAuthCredentials{
				CustomAuthenticationType: aws.String("t"), CredentialsMap: map[string]string{"afl_mapkey_S3CR3T_long": "afl_mapvalue_S3CR3T_long" + long}}}}},
	} {
		_, err = c.UpdateConnectorProfile(ctx, &sdk.UpdateConnectorProfileInput{ConnectorProfileName: aws.String("secret-Redshift"),
			ConnectionMode: types.ConnectionModePrivate, ConnectorProfileConfig: cfg})
		require.Error(t, err, "an invalid update")
		call("invalid update", err)
	}
	values = append(values, secretValue{"long password", "afl_Password_S3CR3T_long", true}, secretValue{"long map key", "afl_mapkey_S3CR3T_long", true},
		secretValue{"long map value", "afl_mapvalue_S3CR3T_long", true})

	// Malformed JSON around secrets, sent by hand.
	for i, body := range []string{
		`{"connectorProfileName": "secret-Redshift", "connectionMode": "Public", "connectorProfileConfig": {"connectorProfileProperties": {}, "connectorProfileCredentials": {"redshift": {"username": "u", "password": "afl_Password_S3CR3T_json1\q"}}}}`,
		`{"connectorProfileName": "secret-Redshift", "connectionMode": "Public", "connectorProfileConfig": {"connectorProfileCredentials": {"redshift": {"password": "afl_Password_S3CR3T_json2"`,
		`{"connectorProfileName": "secret-Redshift", "connectionMode": "Public", "connectorProfileConfig": {"connectorProfileCredentials": {"redshift": {"password": afl_Password_S3CR3T_json3}}}}`,
		`{"connectorProfileName": "secret-Redshift", "connectionMode": "Public", "connectorProfileConfig": {"connectorProfileCredentials": {"redshift": {"password": ["afl_Password_S3CR3T_json4"]}}}}`,
		`{"connectorProfileName": "secret-Redshift", "connectionMode": "Public", "connectorProfileConfig": {"connectorProfileCredentials": {"customConnector": {"custom": {"credentialsMap": {"afl_mapkey_S3CR3T_json5": 1}}}}}}`,
		`{"connectorProfileName": "secret-Redshift", "connectionMode": "Public", "connectorProfileConfig": {"connectorProfileCredentials": {"customConnector": {"custom": {"credentialsMap": {"afl_mapkey_S3CR3T_json6": "v", "afl_mapkey_S3CR3T_json6": "w"}}}}}}`,
	} {
		req, err := http.NewRequest("POST", srv.URL+"/update-connector-profile", strings.NewReader(body))
		require.NoError(t, err)
		req.Header.Set("Content-Type", "application/json")
		resp, err := (&secretRecorder{tr: &tr}).Do(req)
		require.NoError(t, err)
		resp.Body.Close()
		assert.Equal(t, 400, resp.StatusCode, "malformed body %d", i)
		values = append(values, secretValue{fmt.Sprintf("malformed body %d", i), fmt.Sprintf("S3CR3T_json%d", i+1), true})
	}

	for _, member := range members {
		_, err := c.DeleteConnectorProfile(ctx, &sdk.DeleteConnectorProfileInput{ConnectorProfileName: aws.String("secret-" + member)})
		require.NoError(t, err, member)
	}
	_, err = c.DeleteConnectorProfile(ctx, &sdk.DeleteConnectorProfileInput{ConnectorProfileName: aws.String("secret-Redshift")})
	require.Error(t, err)
	call("delete missing", err)
	assert.Greater(t, logged.calls, 50, "the middleware logged every call")

	var all, sensitive []string
	for _, v := range values {
		all = append(all, v.value)
		if v.sensitive {
			sensitive = append(sensitive, v.value)
		}
	}
	require.Greater(t, len(sensitive), 60, "the model's sensitive members are known")
	tr.check(t, all, []string{"middleware log.Printf", "middleware slog text"})
	tr.check(t, sensitive, nil)
	assert.Contains(t, tr.text("reply"), "secret-Redshift", "the transcript holds the replies")
	assert.Contains(t, tr.text("middleware log.Printf"), "Sensitive Data Redacted", "the middleware logged redacted inputs")
}

// TestSecretsSlogJSON logs an input with slog's JSON handler, the other
// handler of the standard library: it encodes a value with its MarshalJSON —
// the wire encoding, secrets included — unless the value implements
// slog.LogValuer, which the generated types do not.
func TestSecretsSlogJSON(t *testing.T) {
	var buf bytes.Buffer
	logger := slog.New(slog.NewJSONHandler(&buf, nil))
	in := &fl.CreateConnectorProfileInput{ConnectorProfileName: aws.String("p"), ConnectorType: fl.ConnectorTypeRedshift,
		ConnectorProfileConfig: &fl.ConnectorProfileConfig{ConnectorProfileCredentials: &fl.ConnectorProfileCredentials{
			Redshift: &fl.RedshiftConnectorProfileCredentials{Username: aws.String("u"), Password: aws.String("afl_Password_S3CR3T_slog")}}}}
	logger.Info("create", "input", in)
	assert.NotContains(t, buf.String(), "afl_Password_S3CR3T_slog", "slog.NewJSONHandler prints a sensitive value of %T", in)
}

// secretLogging is a Handler that logs every call's input and output (or
// error) the way user middleware would, then calls the handler it wraps.
type secretLogging struct {
	fl.Handler
	printf *log.Logger
	slog   *slog.Logger
	mu     sync.Mutex
	calls  int
}

func (l *secretLogging) log(op string, in, out any, err error) {
	l.mu.Lock()
	l.calls++
	l.mu.Unlock()
	for _, verb := range []string{"%v", "%+v", "%s", "%#v"} {
		l.printf.Printf(op+" input "+verb+" output "+verb+" error %v", in, out, err)
	}
	// Values as well as pointers.
	l.printf.Printf("%s %v", op, secretDeref(in))
	l.slog.Info("call", "operation", op, "input", in, "output", out, "error", err)
}

// secretDeref returns the value a pointer points to, or v.
func secretDeref(v any) any {
	switch p := v.(type) {
	case *fl.CreateConnectorProfileInput:
		return *p
	case *fl.UpdateConnectorProfileInput:
		return *p
	}
	return v
}

func (l *secretLogging) CreateConnectorProfile(ctx context.Context, in *fl.CreateConnectorProfileInput) (*fl.CreateConnectorProfileOutput, error) {
	out, err := l.Handler.CreateConnectorProfile(ctx, in)
	l.log("CreateConnectorProfile", in, out, err)
	return out, err
}

func (l *secretLogging) UpdateConnectorProfile(ctx context.Context, in *fl.UpdateConnectorProfileInput) (*fl.UpdateConnectorProfileOutput, error) {
	out, err := l.Handler.UpdateConnectorProfile(ctx, in)
	l.log("UpdateConnectorProfile", in, out, err)
	return out, err
}

func (l *secretLogging) DescribeConnectorProfiles(ctx context.Context, in *fl.DescribeConnectorProfilesInput) (*fl.DescribeConnectorProfilesOutput, error) {
	out, err := l.Handler.DescribeConnectorProfiles(ctx, in)
	l.log("DescribeConnectorProfiles", in, out, err)
	return out, err
}

func (l *secretLogging) DeleteConnectorProfile(ctx context.Context, in *fl.DeleteConnectorProfileInput) (*fl.DeleteConnectorProfileOutput, error) {
	out, err := l.Handler.DeleteConnectorProfile(ctx, in)
	l.log("DeleteConnectorProfile", in, out, err)
	return out, err
}

// secretTranscript collects, by where it was seen, everything the test may
// show: replies, errors, logs.
type secretTranscript struct {
	mu    sync.Mutex
	parts map[string]*strings.Builder
}

func (tr *secretTranscript) add(where, text string) {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	if tr.parts == nil {
		tr.parts = map[string]*strings.Builder{}
	}
	if tr.parts[where] == nil {
		tr.parts[where] = &strings.Builder{}
	}
	tr.parts[where].WriteString(text + "\n")
}

func (tr *secretTranscript) text(where string) string {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	if b := tr.parts[where]; b != nil {
		return b.String()
	}
	return ""
}

// writer returns a writer that adds to the transcript under where.
func (tr *secretTranscript) writer(where string) io.Writer {
	return secretWriter(func(p []byte) { tr.add(where, string(p)) })
}

type secretWriter func([]byte)

func (w secretWriter) Write(p []byte) (int, error) { w(p); return len(p), nil }

// check fails for each of secrets found in the transcript, but where allowed.
func (tr *secretTranscript) check(t *testing.T, secrets, allowed []string) {
	t.Helper()
	tr.mu.Lock()
	defer tr.mu.Unlock()
	require.NotEmpty(t, tr.parts)
	for where, b := range tr.parts {
		if slices.Contains(allowed, where) {
			continue
		}
		text := b.String()
		for _, s := range secrets {
			if i := strings.Index(text, s); i >= 0 {
				t.Errorf("%s shows the sensitive value %q: ...%s...", where, s, text[max(0, i-200):min(len(text), i+len(s)+100)])
			}
		}
	}
}

// secretRecorder is an HTTP client that adds every reply (status line,
// headers and body) to the transcript.
type secretRecorder struct{ tr *secretTranscript }

func (c *secretRecorder) Do(r *http.Request) (*http.Response, error) {
	resp, err := http.DefaultTransport.RoundTrip(r)
	if err != nil {
		return nil, err
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		return nil, err
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s\n", resp.Proto, resp.Status)
	resp.Header.Write(&b)
	b.WriteString("\n")
	b.Write(body)
	c.tr.add("reply", b.String())
	resp.Body = io.NopCloser(bytes.NewReader(body))
	return resp, nil
}
