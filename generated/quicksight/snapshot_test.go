package quicksight_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/quicksight"
	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	qs "github.com/smithygen/smithygen/generated/quicksight"
)

// snapshotFake returns a fake holding connectors made through the real SDK,
// one of them updated, at fixed times.
func snapshotFake(t *testing.T) (*qs.Fake, *sdk.Client) {
	t.Helper()
	clock := time.Date(2025, 3, 4, 5, 6, 7, 0, time.UTC)
	fake := qs.NewFake(qs.WithFakeClock(func() time.Time { clock = clock.Add(1500 * time.Millisecond); return clock }))
	c := newClient(t, fake)
	ctx := context.Background()
	for i, cfg := range []*types.AuthConfig{apiKeyConfig("SNAPSHOT-SECRET-key"), apiKeyConfig("k2"), apiKeyConfig("k3")} {
		_, err := c.CreateActionConnector(ctx, &sdk.CreateActionConnectorInput{
			AwsAccountId: aws.String(account), ActionConnectorId: aws.String(fmt.Sprintf("conn-%d", 3-i)), Name: aws.String(fmt.Sprintf("Connector %d", i)),
			Type: types.ActionConnectorTypeGenericHttp, AuthenticationConfig: cfg, Description: aws.String("d\u00e9j\u00e0 \"vu\"\n"),
		})
		require.NoError(t, err)
	}
	_, err := c.CreateActionConnector(ctx, &sdk.CreateActionConnectorInput{
		AwsAccountId: aws.String("444455556666"), ActionConnectorId: aws.String("other"), Name: aws.String("Other"),
		Type: types.ActionConnectorTypeSlack, AuthenticationConfig: apiKeyConfig("k4"),
	})
	require.NoError(t, err)
	_, err = c.UpdateActionConnector(ctx, &sdk.UpdateActionConnectorInput{AwsAccountId: aws.String(account), ActionConnectorId: aws.String("conn-2"),
		Name: aws.String("Renamed"), AuthenticationConfig: apiKeyConfig("k5")})
	require.NoError(t, err)
	return fake, c
}

// TestSnapshotRestore: a restored fake answers exactly as the original —
// same records, same listing order, same page tokens — and snapshots to
// the same bytes. Snapshots are deterministic.
func TestSnapshotRestore(t *testing.T) {
	fake, c := snapshotFake(t)
	snap, err := fake.Snapshot()
	require.NoError(t, err)
	again, err := fake.Snapshot()
	require.NoError(t, err)
	assert.Equal(t, string(snap), string(again), "deterministic")
	assert.True(t, strings.HasPrefix(string(snap), `{"version":1,"service":"QuickSight","tables":{"ActionConnector":[{"key":"111122223333\u0000conn-3",`), "%s", snap)
	assert.NotContains(t, string(snap), "SNAPSHOT-SECRET", "write-only secrets are never stored")

	restored := qs.NewFake()
	require.NoError(t, restored.Restore(snap))
	back, err := restored.Snapshot()
	require.NoError(t, err)
	assert.Equal(t, string(snap), string(back))

	rc := newClient(t, restored)
	ctx := context.Background()
	for _, id := range []string{"conn-1", "conn-2", "conn-3"} {
		want, err := c.DescribeActionConnector(ctx, &sdk.DescribeActionConnectorInput{AwsAccountId: aws.String(account), ActionConnectorId: aws.String(id)})
		require.NoError(t, err)
		got, err := rc.DescribeActionConnector(ctx, &sdk.DescribeActionConnectorInput{AwsAccountId: aws.String(account), ActionConnectorId: aws.String(id)})
		require.NoError(t, err)
		assert.Equal(t, want.ActionConnector, got.ActionConnector, id)
	}
	page := func(c *sdk.Client, token *string) *sdk.ListActionConnectorsOutput {
		out, err := c.ListActionConnectors(ctx, &sdk.ListActionConnectorsInput{AwsAccountId: aws.String(account), MaxResults: aws.Int32(2), NextToken: token})
		require.NoError(t, err)
		return out
	}
	want1, got1 := page(c, nil), page(rc, nil)
	assert.Equal(t, want1.ActionConnectorSummaries, got1.ActionConnectorSummaries)
	assert.Equal(t, "conn-3", aws.ToString(got1.ActionConnectorSummaries[0].ActionConnectorId), "creation order survives")
	require.NotNil(t, got1.NextToken)
	assert.Equal(t, page(c, want1.NextToken).ActionConnectorSummaries, page(rc, got1.NextToken).ActionConnectorSummaries)

	// The restored fake goes on: new records come after the restored ones.
	_, err = rc.CreateActionConnector(ctx, &sdk.CreateActionConnectorInput{AwsAccountId: aws.String(account), ActionConnectorId: aws.String("conn-0"),
		Name: aws.String("new"), Type: types.ActionConnectorTypeGenericHttp, AuthenticationConfig: apiKeyConfig("k")})
	require.NoError(t, err)
	all, err := rc.ListActionConnectors(ctx, &sdk.ListActionConnectorsInput{AwsAccountId: aws.String(account)})
	require.NoError(t, err)
	var ids []string
	for _, s := range all.ActionConnectorSummaries {
		ids = append(ids, aws.ToString(s.ActionConnectorId))
	}
	assert.Equal(t, []string{"conn-3", "conn-2", "conn-1", "conn-0"}, ids)
}

func TestSnapshotEmpty(t *testing.T) {
	snap, err := qs.NewFake().Snapshot()
	require.NoError(t, err)
	assert.Equal(t, `{"version":1,"service":"QuickSight","tables":{"ActionConnector":[]}}`, string(snap))
	f := qs.NewFake()
	require.NoError(t, f.Restore(snap))
	require.NoError(t, f.Restore([]byte(`{"version": 1, "service": "QuickSight", "tables": {}}`)), "a missing table is an empty one")
}

// TestRestoreRefusesBadSnapshots: a snapshot that does not read is an error
// that says where, and the fake keeps its state.
func TestRestoreRefusesBadSnapshots(t *testing.T) {
	fake, _ := snapshotFake(t)
	before, err := fake.Snapshot()
	require.NoError(t, err)
	rec := `{"key":"k","scope":"s","value":{"ActionConnectorId":"x","Arn":"a","Name":"n","LastUpdatedTime":1,"Type":"SLACK"}}`
	for _, tc := range []struct{ snap, want string }{
		{``, "expected an object, found end of input"},
		{`null`, "expected a snapshot object"},
		{`[]`, "expected an object"},
		{`{"version":1,"service":"QuickSight","tables":{}`, "unexpected end of input"},
		{`{"version":2,"service":"QuickSight","tables":{}}`, "snapshot version 2, want 1"},
		{`{"version":1,"service":"AppFlow","tables":{}}`, `a snapshot of service "AppFlow", not "QuickSight"`},
		{`{"service":"QuickSight","tables":{}}`, "version or service missing"},
		{`{"version":1,"service":"QuickSight","tables":{},"extra":1}`, `unknown member "extra"`},
		{`{"version":1,"version":1,"service":"QuickSight"}`, `member "version" appears twice`},
		{`{"version":1,"service":"QuickSight","tables":{"Dashboard":[]}}`, `unknown table "Dashboard"`},
		{`{"version":1,"service":"QuickSight","tables":{"ActionConnector":[],"ActionConnector":[]}}`, `table "ActionConnector" appears twice`},
		{`{"version":1,"service":"QuickSight","tables":{"ActionConnector":[` + rec + `,` + rec + `]}}`, `key "k" appears twice`},
		{`{"version":1,"service":"QuickSight","tables":{"ActionConnector":[{"key":"k"}]}}`, "a record needs a key and a value"},
		{`{"version":1,"service":"QuickSight","tables":{"ActionConnector":[{"key":"k","value":{"Name":7}}]}}`, "tables.ActionConnector[0].value.Name"},
		{`{"version":1,"service":"QuickSight","tables":{"ActionConnector":{}}}`, "expected an array"},
		{`{"version":1,"service":"QuickSight","tokens":{"t":"k"}}`, "tokens in a snapshot of a fake that keeps none"},
		{`{"version":1,"service":"QuickSight"} x`, "after the JSON value"},
		{`{"version":1,"service":"QuickSight","tables":{"ActionConnector":[{"key":"k","value":{"Future":` + nested(20000) + `}}]}}`, "nesting deeper than 10004 levels"},
	} {
		err := fake.Restore([]byte(tc.snap))
		require.Error(t, err, tc.snap)
		assert.Contains(t, err.Error(), tc.want, tc.snap)
		assert.True(t, strings.HasPrefix(err.Error(), "restore QuickSight fake: "), err.Error())
		after, err := fake.Snapshot()
		require.NoError(t, err)
		require.Equal(t, string(before), string(after), "a failed Restore changes nothing: %s", tc.snap)
	}
}
