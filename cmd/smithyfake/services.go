package main

import (
	"fmt"

	"github.com/smithygen/smithygen/generated/appfabric"
	"github.com/smithygen/smithygen/generated/appflow"
	"github.com/smithygen/smithygen/generated/quicksight"
)

// newServices serves every generated package; a package generated later is
// added here (the test TestEveryGeneratedPackageIsServed fails until it is).
func newServices(cfg config) ([]*service, error) {
	var mode struct {
		quicksight quicksight.ValidationMode
		appfabric  appfabric.ValidationMode
		appflow    appflow.ValidationMode
	}
	switch cfg.validation {
	case "all":
		mode.quicksight, mode.appfabric, mode.appflow = quicksight.ValidateAll, appfabric.ValidateAll, appflow.ValidateAll
	case "required":
		mode.quicksight, mode.appfabric, mode.appflow = quicksight.ValidateRequired, appfabric.ValidateRequired, appflow.ValidateRequired
	case "off":
		mode.quicksight, mode.appfabric, mode.appflow = quicksight.ValidateOff, appfabric.ValidateOff, appflow.ValidateOff
	default:
		return nil, fmt.Errorf("-validation %q: want all, required or off", cfg.validation)
	}

	qsFake := quicksight.NewFake(quicksight.WithRegion(cfg.region), quicksight.WithAccountID(cfg.account))
	qsOpts := []quicksight.ServerOption{quicksight.WithValidation(mode.quicksight),
		quicksight.WithMaxBodyBytes(cfg.maxBodyBytes), quicksight.WithMaxDepth(cfg.maxDepth)}
	afFake := appfabric.NewFake(appfabric.WithRegion(cfg.region), appfabric.WithAccountID(cfg.account))
	afOpts := []appfabric.ServerOption{appfabric.WithValidation(mode.appfabric),
		appfabric.WithMaxBodyBytes(cfg.maxBodyBytes), appfabric.WithMaxDepth(cfg.maxDepth)}
	flFake := appflow.NewFake(appflow.WithRegion(cfg.region), appflow.WithAccountID(cfg.account))
	flOpts := []appflow.ServerOption{appflow.WithValidation(mode.appflow),
		appflow.WithMaxBodyBytes(cfg.maxBodyBytes), appflow.WithMaxDepth(cfg.maxDepth)}
	if cfg.verifier != nil {
		qsOpts = append(qsOpts, quicksight.WithAuthenticator(cfg.verifier(quicksight.SigningName).Verify))
		afOpts = append(afOpts, appfabric.WithAuthenticator(cfg.verifier(appfabric.SigningName).Verify))
		flOpts = append(flOpts, appflow.WithAuthenticator(cfg.verifier(appflow.SigningName).Verify))
	}
	return []*service{
		{
			name: "quicksight", signingName: quicksight.SigningName, match: quicksight.MatchOperation,
			handler: quicksight.NewServer(qsFake, qsOpts...), snapshot: qsFake.Snapshot, restore: qsFake.Restore,
		},
		{
			name: "appfabric", signingName: appfabric.SigningName, match: appfabric.MatchOperation,
			handler: appfabric.NewServer(afFake, afOpts...), snapshot: afFake.Snapshot, restore: afFake.Restore,
		},
		{
			name: "appflow", signingName: appflow.SigningName, match: appflow.MatchOperation,
			handler: appflow.NewServer(flFake, flOpts...), snapshot: flFake.Snapshot, restore: flFake.Restore,
		},
	}, nil
}
