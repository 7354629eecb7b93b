namespace Mnas.Api.Tests;

public sealed class ApiOptionsValidatorTests
{
    [Theory]
    [InlineData("http://127.0.0.1:8080")]
    [InlineData("http://0.0.0.0:80")]
    [InlineData("http://localhost:0")]
    [InlineData("http://[::1]:8080")]
    [InlineData("http://api.example:8080/")]
    public void an_http_url_with_a_host_and_a_port_is_accepted(string listen)
    {
        Assert.Empty(ApiOptionsValidator.Instance.Validate(new ApiOptions { Listen = listen }));
    }

    [Theory]
    [InlineData("", "must be an http URL with a host and a port")]
    [InlineData("8080", "must be an http URL with a host and a port")]
    [InlineData("localhost:8080", "must be an http URL with a host and a port")]
    [InlineData("http://127.0.0.1", "must be an http URL with a host and a port")]
    [InlineData("ftp://127.0.0.1:21", "must be an http URL with a host and a port")]
    [InlineData("https://127.0.0.1:8443", "must be an http URL: the API serves no TLS itself")]
    [InlineData("http://127.0.0.1:8080/api", "must be only scheme, host and port")]
    public void anything_else_is_refused_naming_the_setting(string listen, string why)
    {
        var problem = Assert.Single(ApiOptionsValidator.Instance.Validate(new ApiOptions { Listen = listen }));

        Assert.StartsWith($"api.listen: {why}", problem);
        Assert.EndsWith($"(got '{listen}')", problem);
    }

    [Fact]
    public void the_api_listens_on_loopback_unless_told_otherwise()
    {
        Assert.Equal("http://127.0.0.1:8080", new ApiOptions().Listen);
    }
}
