package botocore

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/smithygen/smithygen/model"
)

func TestUpperSnake(t *testing.T) {
	for value, want := range map[string]string{
		"ACTIVE":            "ACTIVE",
		"IN_PROGRESS":       "IN_PROGRESS",
		"InProgress":        "IN_PROGRESS",
		"auditLog":          "AUDIT_LOG",
		"oauth2":            "OAUTH2",
		"S3Bucket":          "S3_BUCKET",
		"HTTPServer":        "HTTP_SERVER",
		"SAPOData":          "SAPO_DATA",
		"Map_all":           "MAP_ALL",
		"m5.large":          "M5_LARGE",
		"application/json":  "APPLICATION_JSON",
		"--a--b--":          "A_B",
		"1080p":             "V1080P",
		"*":                 "VALUE",
		"héllo wörld":       "H_LLO_W_RLD",
		"ConnectionFailed2": "CONNECTION_FAILED2",
	} {
		got := upperSnake(value)
		assert.Equal(t, want, got, value)
		assert.True(t, model.ValidIdentifier(got), got)
	}
}

func TestEnumMemberNames(t *testing.T) {
	for _, tc := range []struct {
		values, want []string
	}{
		{[]string{"a", "b"}, []string{"A", "B"}},
		{[]string{"Foo", "FOO", "foo"}, []string{"FOO", "FOO_2", "FOO_3"}},
		{[]string{"a", "A", "a_2"}, []string{"A", "A_3", "A_2"}},
		{[]string{"*", "?"}, []string{"VALUE", "VALUE_2"}},
		{nil, []string{}},
	} {
		assert.Equal(t, tc.want, enumMemberNames(tc.values), "%q", tc.values)
	}
}

func TestServiceNaming(t *testing.T) {
	assert.Equal(t, "com.amazonaws.quicksight", namespaceFor("QuickSight"))
	assert.Equal(t, "com.amazonaws.elasticloadbalancingv2", namespaceFor("Elastic Load Balancing v2"))
	assert.Equal(t, "QuickSight_20180401", serviceNameFor("", "QuickSight", "2018-04-01"))
	assert.Equal(t, "ElasticLoadBalancingv2_20151201", serviceNameFor("", "Elastic Load Balancing v2", "2015-12-01"))
	assert.Equal(t, "AmazonSSM", serviceNameFor("AmazonSSM", "SSM", "2014-11-06"))
}
