using Serverless.Connect.Deployment.Kubernetes;

namespace Serverless.Connect.Infra.Tests;

public sealed class KubernetesNamesTests
{
    [Theory]
    [InlineData("elasticsearch-sink")]
    [InlineData("s3-sink")]
    [InlineData("a1")]
    public void A_valid_label_is_kept(string name) => Assert.Equal(name, KubernetesNames.ToLabel(name));

    [Theory]
    [InlineData("My_Sink.v2")]
    [InlineData("orders sink")]
    [InlineData("-edge-")]
    [InlineData("ÄÖÜ")]
    [InlineData("a-very-long-connector-name-that-goes-on-and-on-well-past-the-kubernetes-limit")]
    public void Any_name_becomes_a_valid_label(string name)
    {
        var label = KubernetesNames.ToLabel(name);
        Assert.Matches("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", label);
        Assert.True(label.Length <= 63, label);
    }

    [Fact]
    public void Names_that_differ_only_in_characters_kubernetes_forbids_stay_distinct()
    {
        Assert.NotEqual(KubernetesNames.ToLabel("my_sink"), KubernetesNames.ToLabel("my-sink"));
        Assert.NotEqual(KubernetesNames.ToLabel("MySink"), KubernetesNames.ToLabel("mysink"));
        Assert.Equal(KubernetesNames.ToLabel("My_Sink"), KubernetesNames.ToLabel("My_Sink"));
    }
}
