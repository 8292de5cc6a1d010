package main

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/quicksight"

	"github.com/smithygen/smithygen/bench"
)

// rates runs the throughput of each call for e.window, round after round,
// alternating which goes first, after a warm-up of each.
func (e *env) rates(clients int, calls ...func(context.Context) error) ([][]float64, error) {
	out := make([][]float64, len(calls))
	for _, c := range calls {
		if _, err := bench.Throughput(clients, e.window/4, c); err != nil {
			return nil, err
		}
	}
	for round := range e.rounds {
		for k := range calls {
			i := k
			if round%2 == 1 {
				i = len(calls) - 1 - k
			}
			rps, err := bench.Throughput(clients, e.window, calls[i])
			if err != nil {
				return nil, err
			}
			out[i] = append(out[i], rps)
		}
	}
	return out, nil
}

func rps(xs []float64) string { return fmt.Sprintf("%.0f req/s%s", median(xs), spread(xs)) }

// throughput: the SDK client against the generated fake and against the
// floor server that answers with the same bytes.
func (e *env) throughput(r *report) {
	const target = "≥ 0.85×"
	ex, err := e.exchanges()
	if err != nil {
		r.fail("Fake throughput", target, err)
		return
	}
	fake, err := bench.NewFakeWithConnector()
	if err != nil {
		r.fail("Fake throughput", target, err)
		return
	}
	fakeSrv, floorSrv := httptest.NewServer(fake), httptest.NewServer(bench.FloorServer(ex.Describe))
	defer fakeSrv.Close()
	defer floorSrv.Close()
	fc, lc := bench.NewClient(fakeSrv.URL, nil), bench.NewClient(floorSrv.URL, nil)
	in := bench.DescribeInput()
	call := func(c *sdk.Client) func(context.Context) error {
		return func(ctx context.Context) error {
			out, err := c.DescribeActionConnector(ctx, in)
			if err == nil && aws.ToString(out.ActionConnector.ActionConnectorId) != bench.ConnectorID {
				err = fmt.Errorf("described %q", aws.ToString(out.ActionConnector.ActionConnectorId))
			}
			return err
		}
	}
	for _, clients := range []int{1, 8} {
		figure := fmt.Sprintf("Fake DescribeActionConnector, real SDK client over loopback, %d client(s)", clients)
		res, err := e.rates(clients, call(fc), call(lc))
		if err != nil {
			r.fail(figure, target, err)
			continue
		}
		x := pairedRatio(res[0], res[1])
		if clients == 1 {
			e.rtt1 = time.Duration(float64(time.Second) / median(res[0]))
		}
		r.add(row{figure, rps(res[0]), "floor server, same reply bytes: " + rps(res[1]), ratio(x), target, yes(x >= 0.85)})
	}
}

// moto: the fake generated from the whole model, as its own process,
// against moto_server, on DescribeGroup.
func (e *env) moto(r *report) {
	const target = "≥ 30×"
	fail := func(err error) {
		for _, c := range []int{1, 8} {
			r.fail(fmt.Sprintf("Whole-model fake DescribeGroup vs moto_server, %d client(s)", c), target, err)
		}
	}
	if e.fakeExe == "" {
		fail(fmt.Errorf("the whole-model fake server was not built (see the compile rows)"))
		return
	}
	moto, err := bench.StartMoto()
	if err != nil {
		fail(err)
		return
	}
	defer moto.Stop()
	ours, err := bench.StartFakeServer(e.fakeExe)
	if err != nil {
		fail(err)
		return
	}
	defer ours.Stop()
	ctx := context.Background()
	var calls, replays []func(context.Context) error
	var exchanges []*bench.Exchange // the DescribeGroup requests the SDK sent: ours, moto's
	for _, url := range []string{ours.URL, moto.URL} {
		capture := &bench.Capture{Next: &http.Client{}}
		c := bench.NewClient(url, capture)
		if _, err := c.CreateGroup(ctx, &sdk.CreateGroupInput{AwsAccountId: aws.String(bench.Account), Namespace: aws.String("default"),
			GroupName: aws.String("bench-group"), Description: aws.String("benchmark group")}); err != nil {
			fail(fmt.Errorf("CreateGroup against %s: %w", url, err))
			return
		}
		in := &sdk.DescribeGroupInput{AwsAccountId: aws.String(bench.Account), Namespace: aws.String("default"), GroupName: aws.String("bench-group")}
		if _, err := c.DescribeGroup(ctx, in); err != nil {
			fail(fmt.Errorf("DescribeGroup against %s: %w", url, err))
			return
		}
		replays = append(replays, bench.Replay(capture.Last(), url))
		exchanges = append(exchanges, capture.Last())
		c = bench.NewClient(url, nil)
		calls = append(calls, func(ctx context.Context) error {
			out, err := c.DescribeGroup(ctx, in)
			if err == nil && aws.ToString(out.Group.GroupName) != "bench-group" {
				err = fmt.Errorf("described group %q", aws.ToString(out.Group.GroupName))
			}
			return err
		})
	}
	// The bound: a server that does no work at all, answering with the
	// fake's DescribeGroup reply as fixed bytes, to the same SDK client. It
	// runs as the fake does, in a process of its own (the same binary).
	reply, err := bench.WithReply(ctx, exchanges[0], ours.URL)
	if err != nil {
		fail(fmt.Errorf("DescribeGroup reply of the fake: %w", err))
		return
	}
	replyFile := filepath.Join(e.work, "describegroup-reply.json")
	if err := bench.WriteFloorReply(replyFile, reply); err != nil {
		fail(err)
		return
	}
	floor, err := bench.StartFakeServer(e.fakeExe, "-floor", replyFile)
	if err != nil {
		fail(err)
		return
	}
	defer floor.Stop()
	fc := bench.NewClient(floor.URL, nil)
	calls = append(calls, func(ctx context.Context) error {
		_, err := fc.DescribeGroup(ctx, &sdk.DescribeGroupInput{AwsAccountId: aws.String(bench.Account), Namespace: aws.String("default"), GroupName: aws.String("bench-group")})
		return err
	})
	for _, clients := range []int{1, 8} {
		figure := fmt.Sprintf("Whole-model fake DescribeGroup vs moto_server, real SDK client, %d client(s)", clients)
		res, err := e.rates(clients, calls...)
		if err != nil {
			r.fail(figure, target, err)
			continue
		}
		x := pairedRatio(res[0], res[1])
		r.add(row{figure, rps(res[0]), "moto_server: " + rps(res[1]), ratio(x), target, yes(x >= 30)})
		r.add(row{fmt.Sprintf("… bound: a floor server answering with the fake's DescribeGroup reply as fixed bytes (same binary, process of its own), the same SDK client, %d client(s)", clients),
			rps(res[2]), "moto_server: " + rps(res[1]), ratio(pairedRatio(res[2], res[1])), "— (reported: what a server that does no work reaches with this client)", "—"})
	}
	res, err := e.rates(8, replays...)
	if err != nil {
		r.note("replaying DescribeGroup without the SDK: %v", err)
		return
	}
	r.add(row{"… the same with a light client (the SDK's signed request replayed with net/http), 8 clients", rps(res[0]), "moto_server: " + rps(res[1]),
		ratio(pairedRatio(res[0], res[1])), "— (server capacity, reported)", "—"})
}
