package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// stateVersion is the version of the -state file format.
const stateVersion = 1

// pauseSaveEnv names the test hook of the crash test: when it is set, a save
// writes half of the temporary file, syncs it, logs "paused mid-save" and
// sleeps for an hour, so that a test can kill the process there.
const pauseSaveEnv = "SMITHYFAKE_TEST_PAUSE_SAVE"

// stateDoc is the -state file: the snapshot of every service's fake, by package name.
type stateDoc struct {
	Smithyfake int                        `json:"smithyfake"`
	Services   map[string]json.RawMessage `json:"services"`
}

// stateFile keeps the fakes' state in a file: it restores it on start and
// saves it, in the background, after every change, and on shutdown.
type stateFile struct {
	path     string
	services []*service
	log      *log.Logger
	pause    bool // the test hook is on

	mu   sync.Mutex // one save at a time
	last []byte     // what the file holds, as last read or written

	kick     chan struct{} // a change to save; holds at most one
	quit     chan struct{}
	finished chan struct{}
	stopOnce sync.Once
}

// openState reads path into the services' fakes, when it exists. A file
// that does not read is an error, and stays as it is.
func openState(path string, services []*service, logger *log.Logger) (*stateFile, error) {
	s := &stateFile{path: path, services: services, log: logger, pause: os.Getenv(pauseSaveEnv) != "",
		kick: make(chan struct{}, 1), quit: make(chan struct{}), finished: make(chan struct{})}
	fail := func(format string, args ...any) error {
		return fmt.Errorf("-state %s: %s; the file was left as it is", path, fmt.Sprintf(format, args...))
	}
	dir := filepath.Dir(path)
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		return nil, fmt.Errorf("-state %s: directory %s does not exist", path, dir)
	}
	data, err := os.ReadFile(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		data = nil
	case err != nil:
		return nil, fmt.Errorf("-state %s: %w", path, err)
	default:
		if err := s.restore(data); err != nil {
			return nil, fail("%v", err)
		}
		s.last = data
	}
	// Fail now, not at the first save, if the directory is not writable,
	// and clear temporary files a crash left behind.
	probe, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return nil, fmt.Errorf("-state %s: cannot write in %s: %w", path, dir, err)
	}
	probe.Close()
	os.Remove(probe.Name())
	stale, _ := filepath.Glob(filepath.Join(dir, "."+escapeGlob(filepath.Base(path))+".tmp-*"))
	for _, f := range stale {
		if os.Remove(f) == nil {
			logger.Printf("state: removed %s, left by an interrupted save", f)
		}
	}
	if data != nil {
		logger.Printf("state: restored from %s", path)
	}
	return s, nil
}

// escapeGlob escapes the glob metacharacters of a file name.
func escapeGlob(name string) string {
	return strings.NewReplacer(`\`, `\\`, `*`, `\*`, `?`, `\?`, `[`, `\[`).Replace(name)
}

// restore reads a state file into the fakes. A service the file names but
// smithyfake does not serve is an error (its state would be lost at the next
// save). On any error smithyfake exits, so a partly restored state is never
// served.
func (s *stateFile) restore(data []byte) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var doc stateDoc
	if err := dec.Decode(&doc); err != nil {
		return fmt.Errorf("not a smithyfake state file: %v", err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return errors.New("not a smithyfake state file: data after the JSON object")
	}
	if doc.Smithyfake != stateVersion {
		return fmt.Errorf("state file version %d, want %d", doc.Smithyfake, stateVersion)
	}
	byName := map[string]*service{}
	for _, svc := range s.services {
		byName[svc.name] = svc
	}
	for name := range doc.Services {
		if byName[name] == nil {
			return fmt.Errorf("the file has state of service %q, which this smithyfake does not serve", name)
		}
	}
	for _, svc := range s.services {
		if snap, ok := doc.Services[svc.name]; ok {
			if err := svc.restore(snap); err != nil {
				return err
			}
		}
	}
	return nil
}

// snapshot renders the state file of the fakes as they are now.
func (s *stateFile) snapshot() ([]byte, error) {
	doc := stateDoc{Smithyfake: stateVersion, Services: map[string]json.RawMessage{}}
	for _, svc := range s.services {
		snap, err := svc.snapshot()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", svc.name, err)
		}
		doc.Services[svc.name] = snap
	}
	data, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(data, '\n'), nil
}

// changed asks for a save; it never blocks.
func (s *stateFile) changed() {
	select {
	case s.kick <- struct{}{}:
	default:
	}
}

// run saves after changes until stop. Changes made while a save runs are
// saved by the next one.
func (s *stateFile) run() {
	defer close(s.finished)
	for {
		select {
		case <-s.quit:
			return
		case <-s.kick:
			if err := s.save(); err != nil {
				s.log.Printf("state: %v", err)
			}
		}
	}
}

// stop ends run, waiting for a save in progress.
func (s *stateFile) stop() {
	s.stopOnce.Do(func() { close(s.quit) })
	<-s.finished
}

// save writes the state file, unless it holds this state already.
func (s *stateFile) save() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	data, err := s.snapshot()
	if err != nil {
		return fmt.Errorf("cannot save %s: %w", s.path, err)
	}
	if bytes.Equal(data, s.last) {
		return nil
	}
	if err := s.writeAtomic(data); err != nil {
		return fmt.Errorf("cannot save %s: %w", s.path, err)
	}
	s.last = data
	return nil
}

// writeAtomic replaces the file with data so that a crash at any point
// leaves either the old file or the new one: write a temporary file in the
// same directory, fsync it, rename it over the file, fsync the directory.
func (s *stateFile) writeAtomic(data []byte) (err error) {
	dir := filepath.Dir(s.path)
	f, err := os.CreateTemp(dir, "."+filepath.Base(s.path)+".tmp-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if s.pause {
		half := len(data) / 2
		if _, err := f.Write(data[:half]); err != nil {
			return err
		}
		if err := f.Sync(); err != nil {
			return err
		}
		s.log.Printf("state: test hook %s: paused mid-save of %s", pauseSaveEnv, f.Name())
		time.Sleep(time.Hour)
		data = data[half:]
	}
	if _, err := f.Write(data); err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Rename(f.Name(), s.path); err != nil {
		return err
	}
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}
