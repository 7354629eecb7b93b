using Mnas.Torch.Serialization;

namespace Mnas.Torch.Tests;

public class SafetensorsSaveFailureTests : TempDirectoryTest
{
    private static readonly byte[] Existing = [1, 2, 3, 4, 5, 6, 7, 8, 9];

    [Theory]
    [InlineData("")]
    [InlineData("__metadata__")]
    public void a_reserved_or_empty_tensor_name_fails_and_keeps_the_existing_file(string name)
    {
        using var scope = torch.NewDisposeScope();
        var path = PathOf("keep.safetensors");
        File.WriteAllBytes(path, Existing);
        var error = Assert.Throws<ArgumentException>(() =>
            Safetensors.Save(new Dictionary<string, Tensor> { ["fine"] = torch.ones(1), [name] = torch.ones(1) }, path));
        Assert.Contains("cannot name a tensor", error.Message);
        Assert.Equal(Existing, File.ReadAllBytes(path));
        Assert.Equal([path], System.IO.Directory.GetFileSystemEntries(Directory));
    }

    [Fact]
    public void a_disposed_tensor_fails_the_save_and_keeps_the_existing_file()
    {
        using var scope = torch.NewDisposeScope();
        var path = PathOf("keep.safetensors");
        File.WriteAllBytes(path, Existing);
        var gone = torch.ones(1);
        gone.Dispose();
        Assert.Throws<ObjectDisposedException>(() => Safetensors.Save(new Dictionary<string, Tensor> { ["x"] = gone }, path));
        Assert.Equal(Existing, File.ReadAllBytes(path));
        Assert.Equal([path], System.IO.Directory.GetFileSystemEntries(Directory));
    }

    [Fact]
    public void a_directory_path_that_is_a_file_fails_and_leaves_that_file_alone()
    {
        using var scope = torch.NewDisposeScope();
        var blocker = PathOf("not-a-directory");
        File.WriteAllBytes(blocker, Existing);
        var path = Path.Combine(blocker, "model.safetensors");
        Assert.ThrowsAny<IOException>(() => Safetensors.Save(new Dictionary<string, Tensor> { ["x"] = torch.ones(1) }, path));
        Assert.Equal(Existing, File.ReadAllBytes(blocker));
        Assert.Equal([blocker], System.IO.Directory.GetFileSystemEntries(Directory));
    }

    [Fact]
    public void a_target_that_is_a_directory_fails_after_writing_and_removes_its_temporary_file()
    {
        using var scope = torch.NewDisposeScope();
        var path = PathOf("occupied");
        System.IO.Directory.CreateDirectory(path);
        File.WriteAllBytes(Path.Combine(path, "inside"), Existing);
        Assert.ThrowsAny<Exception>(() => Safetensors.Save(new Dictionary<string, Tensor> { ["x"] = torch.ones(3) }, path));
        Assert.Equal([path], System.IO.Directory.GetFileSystemEntries(Directory));
        Assert.Equal(Existing, File.ReadAllBytes(Path.Combine(path, "inside")));
    }

    [Fact]
    public void a_successful_save_leaves_only_the_target()
    {
        using var scope = torch.NewDisposeScope();
        var path = PathOf("nested/dir/model.safetensors");
        Safetensors.Save(new Dictionary<string, Tensor> { ["x"] = torch.ones(3) }, path);
        Assert.Equal([path], System.IO.Directory.GetFiles(Directory, "*", SearchOption.AllDirectories));
    }
}
