package quicksight_test

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	sdk "github.com/aws/aws-sdk-go-v2/service/quicksight"
	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	qs "github.com/smithygen/smithygen/generated/quicksight"
	"github.com/smithygen/smithygen/internal/loadtest"
)

// TestLoadReplay drives a Fake over loopback with the real SDK client from
// 32 goroutines × 500 mixed requests (8 × 60 with -short), then checks:
//
//   - every request a client saw succeed is one the fake accepted, and the
//     other way round, request by request (loadtest.Ledger, which also
//     keeps a race of the SDK and net/http from losing replies);
//   - replaying the accepted mutations one by one, in the order the fake
//     applied them (the loadRecorder in front of the fake logs each one,
//     holding its lock around the call), on a fresh fake gives the same
//     replies and the same final state (every connector listed and
//     described): nothing lost, nothing phantom;
//   - once everything is deleted, the heap is back near where it started.
//
// The fakes' clocks tick one millisecond per call, so that the replay makes
// the same timestamps as the original. Run it with -race.
func TestLoadReplay(t *testing.T) {
	workers, each := 32, 500
	if testing.Short() {
		workers, each = 8, 60
	}
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()

	ledger := loadtest.New(workers)
	defer ledger.Close()
	rec := &loadRecorder{Fake: qs.NewFake(qs.WithFakeClock(loadtest.Clock())), ledger: ledger}
	srv := httptest.NewServer(ledger.Handler(qs.NewServer(rec)))
	defer srv.Close()
	c := sdk.New(sdk.Options{Region: "us-east-1", BaseEndpoint: aws.String(srv.URL), HTTPClient: ledger.Client(), RetryMaxAttempts: 1,
		Credentials: credentials.NewStaticCredentialsProvider("AKIDEXAMPLE", "secret", "")})

	// Warm up (connections, lazily built SDK state), then take the baseline.
	// The warm-up's mutations stay in the log, to be replayed too.
	loadWarmUp(t, ctx, c)
	baseline := ledger.Heap(srv)

	start := time.Now()
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rng := rand.New(rand.NewPCG(uint64(w), 42))
			for i := range each {
				if ctx.Err() != nil {
					return
				}
				loadOne(ctx, c, ledger, rng, w, i)
			}
		}()
	}
	wg.Wait()
	require.NoError(t, ctx.Err(), "the load did not finish in time")
	// What the clients saw succeed is what the fake accepted, request by request.
	ledger.Check(t, workers*each, workers, time.Since(start))

	loadCheckReplay(t, ctx, rec)

	// Delete everything, drop what the test holds, and compare the heap.
	for _, key := range loadKeys(t, ctx, rec.Fake) {
		_, err := c.DeleteActionConnector(ctx, &sdk.DeleteActionConnectorInput{AwsAccountId: aws.String(key[0]), ActionConnectorId: aws.String(key[1])})
		require.NoError(t, err)
	}
	require.Empty(t, loadState(t, ctx, rec.Fake))
	rec.reset()
	ledger.Reset()
	after := ledger.Heap(srv)
	t.Logf("heap: %d KiB before the load, %d KiB after everything is deleted (%+d KiB)", baseline/1024, after/1024, (int64(after)-int64(baseline))/1024)
	assert.Less(t, after, baseline+2<<20, "the heap does not return near its baseline once everything is deleted")
}

// loadCheckReplay replays the mutations rec accepted, in the order it
// accepted them, on a fresh fake: each is accepted again with the same
// reply, and the final states are equal.
func loadCheckReplay(t *testing.T, ctx context.Context, rec *loadRecorder) {
	t.Helper()
	// Replay the accepted mutations in order on a fresh fake.
	start := time.Now()
	replay := qs.NewFake(qs.WithFakeClock(loadtest.Clock()))
	for i, e := range rec.log {
		var out any
		var err error
		switch in := e.in.(type) {
		case *qs.CreateActionConnectorInput:
			out, err = replay.CreateActionConnector(ctx, in)
		case *qs.UpdateActionConnectorInput:
			out, err = replay.UpdateActionConnector(ctx, in)
		case *qs.DeleteActionConnectorInput:
			out, err = replay.DeleteActionConnector(ctx, in)
		}
		require.NoError(t, err, "replaying mutation %d (%s)", i, e.op)
		require.Equal(t, loadJSON(t, e.out), loadJSON(t, out), "replaying mutation %d (%s): the reply differs", i, e.op)
	}
	t.Logf("replay: %d accepted mutations in %v", len(rec.log), time.Since(start).Round(time.Millisecond))
	got, want := loadState(t, ctx, rec.Fake), loadState(t, ctx, replay)
	if diff := loadDiff(want, got); len(diff) > 0 {
		t.Fatalf("the final state differs from the replay's in %d connectors:\n%s", len(diff), strings.Join(diff[:min(len(diff), 5)], "\n"))
	}
	t.Logf("final state: %d connectors, equal to the replay's", len(got))
}

// loadAccounts and loadIDs are the connectors the load works on: few enough
// that goroutines collide (conflicts, not found), many enough to list in pages.
var (
	loadAccounts = []string{"111122223333", "444455556666"}
	loadIDs      = func() []string {
		var ids []string
		for i := range 24 {
			ids = append(ids, fmt.Sprintf("load-%02d", i))
		}
		return ids
	}()
)

// loadOne sends one random request through the ledger.
func loadOne(ctx context.Context, c *sdk.Client, ledger *loadtest.Ledger, rng *rand.Rand, w, i int) {
	account := aws.String(loadAccounts[rng.IntN(len(loadAccounts))])
	id := aws.String(loadIDs[rng.IntN(len(loadIDs))])
	configs := fuzzAuthConfigs()
	var op string
	var call func(context.Context) error
	switch n := rng.IntN(100); {
	case n < 30:
		op = "CreateActionConnector"
		in := &sdk.CreateActionConnectorInput{AwsAccountId: account, ActionConnectorId: id,
			Name: aws.String(fmt.Sprintf("w%d-%d", w, i)), Type: types.ActionConnectorTypeGenericHttp,
			AuthenticationConfig: configs[rng.IntN(len(configs))], Description: aws.String(fmt.Sprintf("created by %d/%d", w, i))}
		call = func(ctx context.Context) error { _, err := c.CreateActionConnector(ctx, in); return err }
	case n < 50:
		op = "UpdateActionConnector"
		in := &sdk.UpdateActionConnectorInput{AwsAccountId: account, ActionConnectorId: id,
			Name: aws.String(fmt.Sprintf("w%d-%d-updated", w, i)), AuthenticationConfig: configs[rng.IntN(len(configs))]}
		call = func(ctx context.Context) error { _, err := c.UpdateActionConnector(ctx, in); return err }
	case n < 70:
		op = "DescribeActionConnector"
		in := &sdk.DescribeActionConnectorInput{AwsAccountId: account, ActionConnectorId: id}
		call = func(ctx context.Context) error { _, err := c.DescribeActionConnector(ctx, in); return err }
	case n < 82:
		op = "ListActionConnectors"
		var token *string
		if rng.IntN(4) == 0 {
			token = aws.String(loadPageToken(rng.IntN(30))) // a page that may be gone by now
		}
		in := &sdk.ListActionConnectorsInput{AwsAccountId: account, MaxResults: aws.Int32(int32(1 + rng.IntN(10))), NextToken: token}
		call = func(ctx context.Context) error { _, err := c.ListActionConnectors(ctx, in); return err }
	default:
		op = "DeleteActionConnector"
		in := &sdk.DeleteActionConnectorInput{AwsAccountId: account, ActionConnectorId: id}
		call = func(ctx context.Context) error { _, err := c.DeleteActionConnector(ctx, in); return err }
	}
	ledger.Do(ctx, op, call, loadExpected)
}

// loadExpected names the errors the load expects: its requests collide.
func loadExpected(err error) string {
	var exists *types.ResourceExistsException
	var notFound *types.ResourceNotFoundException
	var badToken *types.InvalidNextTokenException
	switch {
	case errors.As(err, &exists):
		return "conflicts"
	case errors.As(err, &notFound):
		return "not found"
	case errors.As(err, &badToken):
		return "invalid tokens"
	}
	return ""
}

// loadPageToken is the token of the fake's page starting at item n: the
// fake's format (base64url of "page:N"), which the load relies on to ask for
// pages that may be gone.
func loadPageToken(n int) string {
	return base64.RawURLEncoding.EncodeToString([]byte("page:" + strconv.Itoa(n)))
}

// loadWarmUp opens connections and exercises every operation once.
func loadWarmUp(t *testing.T, ctx context.Context, c *sdk.Client) {
	t.Helper()
	in := &sdk.CreateActionConnectorInput{AwsAccountId: aws.String(loadAccounts[0]), ActionConnectorId: aws.String("warm"), Name: aws.String("w"),
		Type: types.ActionConnectorTypeGenericHttp, AuthenticationConfig: fuzzAuthConfigs()[0]}
	_, err := c.CreateActionConnector(ctx, in)
	require.NoError(t, err)
	_, err = c.UpdateActionConnector(ctx, &sdk.UpdateActionConnectorInput{AwsAccountId: in.AwsAccountId, ActionConnectorId: in.ActionConnectorId,
		Name: aws.String("w2"), AuthenticationConfig: fuzzAuthConfigs()[1]})
	require.NoError(t, err)
	_, err = c.DescribeActionConnector(ctx, &sdk.DescribeActionConnectorInput{AwsAccountId: in.AwsAccountId, ActionConnectorId: in.ActionConnectorId})
	require.NoError(t, err)
	_, err = c.ListActionConnectors(ctx, &sdk.ListActionConnectorsInput{AwsAccountId: in.AwsAccountId})
	require.NoError(t, err)
	_, err = c.DeleteActionConnector(ctx, &sdk.DeleteActionConnectorInput{AwsAccountId: in.AwsAccountId, ActionConnectorId: in.ActionConnectorId})
	require.NoError(t, err)
}

// loadState lists every connector of every load account and describes each:
// account/id -> the JSON of the summary and of the description, request IDs
// left out.
func loadState(t *testing.T, ctx context.Context, f *qs.Fake) map[string]string {
	t.Helper()
	state := map[string]string{}
	for _, key := range loadKeys(t, ctx, f) {
		d, err := f.DescribeActionConnector(ctx, &qs.DescribeActionConnectorInput{AwsAccountId: aws.String(key[0]), ActionConnectorId: aws.String(key[1])})
		require.NoError(t, err)
		state[key[0]+"/"+key[1]] = key[2] + "\n" + loadJSON(t, d)
	}
	return state
}

// loadKeys lists every connector of every load account, page by page:
// account, ID and the JSON of the summary, in list order.
func loadKeys(t *testing.T, ctx context.Context, f *qs.Fake) [][3]string {
	t.Helper()
	var keys [][3]string
	for _, account := range loadAccounts {
		var token *string
		for range 1000 {
			page, err := f.ListActionConnectors(ctx, &qs.ListActionConnectorsInput{AwsAccountId: aws.String(account), MaxResults: aws.Int32(7), NextToken: token})
			require.NoError(t, err)
			for _, s := range page.ActionConnectorSummaries {
				data, err := s.MarshalJSON()
				require.NoError(t, err)
				keys = append(keys, [3]string{account, s.ActionConnectorId, string(data)})
			}
			if token = page.NextToken; token == nil {
				break
			}
		}
	}
	return keys
}

// loadDiff describes the keys whose values differ between want (the
// replay's state) and got.
func loadDiff(want, got map[string]string) []string {
	var diff []string
	for k, w := range want {
		if g, ok := got[k]; !ok {
			diff = append(diff, k+": phantom in the replay (lost by the load?): "+w)
		} else if g != w {
			diff = append(diff, k+":\n  replay: "+w+"\n  load:   "+g)
		}
	}
	for k, g := range got {
		if _, ok := want[k]; !ok {
			diff = append(diff, k+": phantom after the load, not in the replay: "+g)
		}
	}
	slices.Sort(diff)
	return diff
}

// loadJSON is the JSON of an operation output, its RequestId left out.
func loadJSON(t *testing.T, out any) string {
	t.Helper()
	var data []byte
	var err error
	switch o := out.(type) {
	case *qs.CreateActionConnectorOutput:
		c := *o
		c.RequestId = nil
		data, err = c.MarshalJSON()
	case *qs.UpdateActionConnectorOutput:
		c := *o
		c.RequestId = nil
		data, err = c.MarshalJSON()
	case *qs.DeleteActionConnectorOutput:
		c := *o
		c.RequestId = nil
		data, err = c.MarshalJSON()
	case *qs.DescribeActionConnectorOutput:
		c := *o
		c.RequestId = nil
		data, err = c.MarshalJSON()
	default:
		t.Fatalf("loadJSON: unexpected %T", out)
	}
	require.NoError(t, err)
	return string(data)
}

// loadRecorder is the Handler the load goes through: a Fake whose accepted
// mutations are logged in the order the fake applied them (mu is held
// around each call), and which tells the ledger of every call it accepts.
type loadRecorder struct {
	*qs.Fake
	ledger *loadtest.Ledger
	mu     sync.Mutex
	log    []loadEntry
}

// loadEntry is one accepted mutation: the operation, its input, its output.
type loadEntry struct {
	op      string
	in, out any
}

func (r *loadRecorder) reset() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.log = nil
}

func (r *loadRecorder) logged(ctx context.Context, op string, in, out any, err error) {
	if err == nil {
		r.log = append(r.log, loadEntry{op, in, out})
		r.ledger.Accepted(ctx, op)
	}
}

func (r *loadRecorder) CreateActionConnector(ctx context.Context, in *qs.CreateActionConnectorInput) (*qs.CreateActionConnectorOutput, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	out, err := r.Fake.CreateActionConnector(ctx, in)
	r.logged(ctx, "CreateActionConnector", in, out, err)
	return out, err
}

func (r *loadRecorder) UpdateActionConnector(ctx context.Context, in *qs.UpdateActionConnectorInput) (*qs.UpdateActionConnectorOutput, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	out, err := r.Fake.UpdateActionConnector(ctx, in)
	r.logged(ctx, "UpdateActionConnector", in, out, err)
	return out, err
}

func (r *loadRecorder) DeleteActionConnector(ctx context.Context, in *qs.DeleteActionConnectorInput) (*qs.DeleteActionConnectorOutput, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	out, err := r.Fake.DeleteActionConnector(ctx, in)
	r.logged(ctx, "DeleteActionConnector", in, out, err)
	return out, err
}

// Reads go to the fake concurrently, without the log's lock.

func (r *loadRecorder) DescribeActionConnector(ctx context.Context, in *qs.DescribeActionConnectorInput) (*qs.DescribeActionConnectorOutput, error) {
	out, err := r.Fake.DescribeActionConnector(ctx, in)
	if err == nil {
		r.ledger.Accepted(ctx, "DescribeActionConnector")
	}
	return out, err
}

func (r *loadRecorder) ListActionConnectors(ctx context.Context, in *qs.ListActionConnectorsInput) (*qs.ListActionConnectorsOutput, error) {
	out, err := r.Fake.ListActionConnectors(ctx, in)
	if err == nil {
		r.ledger.Accepted(ctx, "ListActionConnectors")
	}
	return out, err
}
