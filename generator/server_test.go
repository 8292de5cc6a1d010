package generator

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/model/loader"
	"github.com/smithygen/smithygen/specs"
)

// serverFixturesDir holds one directory per server feature: model.json and
// the hand-written *_test.go files that drive the package generated from it.
var serverFixturesDir = filepath.Join("testdata", "server")

// TestServerFixtures generates every server fixture with all artifacts into
// a temporary module (requiring smithy-go, as a user's module would), copies
// the fixture's tests beside the package and runs them there, offline.
func TestServerFixtures(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs a module; skipped with -short")
	}
	dir := t.TempDir()
	tempModule(t, dir, "example.com/serverfixture")

	entries, err := os.ReadDir(serverFixturesDir)
	require.NoError(t, err)
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		name := e.Name()
		src := filepath.Join(serverFixturesDir, name)
		data, err := os.ReadFile(filepath.Join(src, "model.json"))
		require.NoError(t, err)
		rs, err := Render([]*Target{{Models: []loader.Source{{Name: "testdata/server/" + name + "/model.json", Data: data}},
			Package: name, Out: name}})
		require.NoError(t, err, name)
		pd := filepath.Join(dir, name)
		require.NoError(t, os.MkdirAll(pd, 0o755))
		for _, f := range rs[0].Files {
			require.NoError(t, os.WriteFile(filepath.Join(pd, f.Name), f.Data, 0o644))
		}
		tests, err := filepath.Glob(filepath.Join(src, "*_test.go"))
		require.NoError(t, err)
		require.NotEmpty(t, tests, "%s has no tests", name)
		for _, tf := range tests {
			b, err := os.ReadFile(tf)
			require.NoError(t, err)
			require.NoError(t, os.WriteFile(filepath.Join(pd, filepath.Base(tf)), b, 0o644))
		}
	}
	cmd := offlineGo(dir, "go", "test", "-count=1", "./...")
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "go test in the fixture module:\n%s", out)
	t.Logf("%s", out)
}

// TestRouteOrder checks specificity routing: literals before labels before
// greedy labels, position by position, then longer patterns, then patterns
// with more query literals.
func TestRouteOrder(t *testing.T) {
	route := func(name, uri string) *Route {
		op := &Operation{Name: name}
		op.HTTP.Method, op.HTTP.URI = "GET", uri
		var labels []*Member
		for _, seg := range strings.Split(uri, "/") {
			if strings.HasPrefix(seg, "{") {
				n := strings.TrimSuffix(strings.Trim(seg, "{}"), "+")
				labels = append(labels, &Member{Name: n, LocationName: n, Location: InLabel})
			}
		}
		rt, err := parseRoute(op, labels)
		require.NoError(t, err, uri)
		return rt
	}
	routes := []*Route{
		route("Greedy", "/abc/{x+}"),
		route("Label3", "/{xyz}/bcd/cde"),
		route("Query", "/{xyz}/bcd/cde?def=efg"),
		route("Mid", "/abc/{xyz}/cde"),
		route("Lit", "/abc/bcd/{xyz}"),
		route("Root", "/"),
		route("Short", "/abc"),
	}
	slices.SortStableFunc(routes, compareRoutes)
	var order []string
	for _, r := range routes {
		order = append(order, r.Op.Name)
	}
	// Longer patterns win over their prefixes; ambiguous ones follow the
	// spec's routing examples (literal bcd beats {xyz}, abc beats {xyz}).
	assert.Equal(t, []string{"Lit", "Mid", "Greedy", "Short", "Query", "Label3", "Root"}, order)

	_, err := parseRoute(&Operation{HTTP: model.HTTP{Method: "GET", URI: "/a/{missing}", Code: 200}}, nil)
	assert.ErrorContains(t, err, "label {missing} has no input member")
	_, err = parseRoute(&Operation{HTTP: model.HTTP{Method: "GET", URI: "/a", Code: 200}}, []*Member{{Name: "id", LocationName: "id", Location: InLabel}})
	assert.ErrorContains(t, err, "member id has @httpLabel but the uri has no {id}")
}

// defaultPackages builds the IR and server IR of the embedded specs.
func defaultPackages(t *testing.T) map[string]*Package {
	t.Helper()
	out := map[string]*Package{}
	for _, d := range specs.Default {
		data, err := specs.FS.ReadFile(d.Model)
		require.NoError(t, err)
		m, err := loader.Load(loader.Source{Name: d.Model, Data: data})
		require.NoError(t, err)
		svc, err := m.ServiceByID(d.Service)
		require.NoError(t, err)
		p, err := BuildIR(m, svc, Options{Package: d.Package})
		require.NoError(t, err)
		_, err = buildServerIR(p)
		require.NoError(t, err)
		out[d.Package] = p
	}
	return out
}

func opNamed(p *Package, name string) *Operation {
	for _, op := range p.Operations {
		if op.Name == name {
			return op
		}
	}
	return nil
}

// TestFakeInference pins the lifecycle the fake infers for the default
// services: roles, keys, record shapes and the errors it picks.
func TestFakeInference(t *testing.T) {
	pkgs := defaultPackages(t)
	for _, tc := range []struct {
		pkg, op  string
		kind     FakeKind
		record   string
		id       string // input member naming the record
		notFound string
		conflict string
	}{
		{"quicksight", "CreateActionConnector", FakeCreate, "ActionConnector", "ActionConnectorId", "", "ResourceExistsException"},
		{"quicksight", "DescribeActionConnector", FakeRead, "ActionConnector", "ActionConnectorId", "ResourceNotFoundException", ""},
		{"quicksight", "UpdateActionConnector", FakeUpdate, "ActionConnector", "ActionConnectorId", "ResourceNotFoundException", "ConflictException"},
		{"quicksight", "DeleteActionConnector", FakeDelete, "ActionConnector", "ActionConnectorId", "ResourceNotFoundException", ""},
		{"quicksight", "ListActionConnectors", FakeList, "ActionConnector", "", "", ""},
		{"appfabric", "CreateAppAuthorization", FakeCreate, "AppAuthorization", "", "ResourceNotFoundException", "ConflictException"},
		{"appfabric", "GetAppAuthorization", FakeRead, "AppAuthorization", "appAuthorizationIdentifier", "ResourceNotFoundException", ""},
		{"appfabric", "ConnectAppAuthorization", FakeAction, "AppAuthorization", "appAuthorizationIdentifier", "ResourceNotFoundException", ""},
		{"appfabric", "CreateAppBundle", FakeCreate, "AppBundle", "", "", "ConflictException"},
		{"appflow", "CreateConnectorProfile", FakeCreate, "ConnectorProfile", "connectorProfileName", "", "ConflictException"},
		{"appflow", "DescribeConnectorProfiles", FakeList, "ConnectorProfile", "", "", ""},
		{"appflow", "UpdateConnectorProfile", FakeUpdate, "ConnectorProfile", "connectorProfileName", "ResourceNotFoundException", "ConflictException"},
	} {
		op := opNamed(pkgs[tc.pkg], tc.op)
		require.NotNil(t, op, tc.op)
		fo := op.Server.Fake
		assert.Equal(t, tc.kind, fo.Kind, tc.op)
		require.NotNil(t, fo.Resource, tc.op)
		assert.Equal(t, tc.record, fo.Resource.Record.Name, tc.op)
		if tc.id == "" {
			assert.Nil(t, fo.ID, tc.op)
		} else if assert.NotNil(t, fo.ID, tc.op) {
			assert.Equal(t, tc.id, fo.ID.Name, tc.op)
		}
		name := func(fe *FakeError) string {
			if fe == nil {
				return ""
			}
			return fe.Shape.Name
		}
		if tc.notFound != "" {
			assert.Equal(t, tc.notFound, name(fo.NotFound), tc.op)
		}
		assert.Equal(t, tc.conflict, name(fo.Conflict), tc.op)
	}
	af := opNamed(pkgs["appfabric"], "CreateAppAuthorization").Server.Fake.Resource
	assert.Equal(t, "AppBundle", af.Parent.Noun, "appBundleIdentifier names the parent")
	assert.Equal(t, []string{"appBundleIdentifier"}, af.Scope)
	qs := opNamed(pkgs["quicksight"], "CreateActionConnector").Server.Fake.Resource
	assert.Equal(t, 0, qs.Account, "AwsAccountId is the account of the ARNs")
	assert.Equal(t, "CREATION_SUCCESSFUL", qs.OnCreate.String)
	assert.Equal(t, "UPDATE_SUCCESSFUL", qs.OnUpdate.String)
	filters := opNamed(pkgs["appflow"], "DescribeConnectorProfiles").Server.Fake.Filters
	var fnames []string
	for _, f := range filters {
		fnames = append(fnames, f.Input.Name)
	}
	assert.Equal(t, []string{"connectorProfileNames", "connectorType", "connectorLabel"}, fnames)
}

// TestFakeSecrets checks which sensitive members count as write-only secrets:
// never copied into a record or an output.
func TestFakeSecrets(t *testing.T) {
	pkgs := defaultPackages(t)
	secret := func(pkg, shape, member string) bool {
		p := pkgs[pkg]
		for _, s := range p.Shapes {
			if s.Name == shape {
				m := memberByName(s, member)
				require.NotNil(t, m, "%s.%s", shape, member)
				return p.Server.Fake.secret(m)
			}
		}
		t.Fatalf("no shape %s", shape)
		return false
	}
	assert.True(t, secret("quicksight", "BasicAuthConnectionMetadata", "Password"))
	assert.True(t, secret("quicksight", "APIKeyConnectionMetadata", "ApiKey"))
	assert.True(t, secret("quicksight", "ClientCredentialsGrantDetails", "ClientSecret"))
	assert.False(t, secret("quicksight", "CreateActionConnectorInput", "Name"), "sensitive, but outputs return it")
	assert.True(t, secret("appfabric", "Oauth2Credential", "clientSecret"))
	assert.True(t, secret("appfabric", "AuthRequest", "code"))
	assert.False(t, secret("appfabric", "Oauth2Credential", "clientId"))
	assert.True(t, secret("appflow", "RedshiftConnectorProfileCredentials", "password"))
}

// TestValidationMappings checks how each service's validation error is filled.
func TestValidationMappings(t *testing.T) {
	pkgs := defaultPackages(t)
	vm := opNamed(pkgs["quicksight"], "CreateActionConnector").Server.Validation
	require.NotNil(t, vm)
	assert.Equal(t, "InvalidParameterValueException", vm.Shape.Name)
	assert.Equal(t, "Message", vm.Message.Name)
	assert.Equal(t, "RequestId", vm.RequestID.Name)
	assert.Nil(t, vm.FieldList)

	vm = opNamed(pkgs["appfabric"], "UpdateAppAuthorization").Server.Validation
	require.NotNil(t, vm)
	assert.Equal(t, "ValidationException", vm.Shape.Name)
	assert.Equal(t, "fieldValidationFailed", vm.ReasonValue.String)
	assert.Equal(t, "fieldList", vm.FieldList.Name)
	assert.Equal(t, "name", vm.FieldPath.Name)

	assert.Nil(t, opNamed(pkgs["appflow"], "DeleteConnectorProfile").Server.Validation, "DeleteConnectorProfile lists no validation error")
	assert.NotNil(t, opNamed(pkgs["appflow"], "UpdateConnectorProfile").Server.Validation)
}

func TestVerbsAndNouns(t *testing.T) {
	for _, tc := range []struct{ name, verb, noun string }{
		{"CreateActionConnector", "Create", "ActionConnector"},
		{"DescribeConnectorProfiles", "Describe", "ConnectorProfiles"},
		{"Ping", "Ping", ""},
	} {
		v, n := splitVerb(tc.name)
		assert.Equal(t, tc.verb, v)
		assert.Equal(t, tc.noun, n)
	}
	for in, want := range map[string][]string{
		"ConnectorProfiles": {"ConnectorProfile"}, "Policies": {"Policy"}, "Aliases": {"Aliase", "Alias"},
		"Boxes": {"Boxe", "Box"}, "Access": {"Access"}, "Item": {"Item"}, "Profiles": {"Profile"},
	} {
		assert.Equal(t, want, singulars(in), in)
	}
	assert.Equal(t, "Alias", singularIn("Aliases", func(s string) bool { return s == "Alias" }))
}
