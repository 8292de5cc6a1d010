package bench

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

// Throughput calls call from clients goroutines in a loop for d and returns
// completed calls per second. The first error stops the run.
func Throughput(clients int, d time.Duration, call func(ctx context.Context) error) (float64, error) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var n atomic.Int64
	var first error
	var once sync.Once
	var wg sync.WaitGroup
	start := time.Now()
	deadline := start.Add(d)
	for range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for time.Now().Before(deadline) {
				if err := call(ctx); err != nil {
					once.Do(func() { first = err; cancel() })
					return
				}
				n.Add(1)
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	if first != nil {
		return 0, fmt.Errorf("after %d calls: %w", n.Load(), first)
	}
	return float64(n.Load()) / elapsed.Seconds(), nil
}
