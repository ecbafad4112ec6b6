using System.Runtime.InteropServices;
using VideoSearch.Core.Checkpoints;

namespace VideoSearch.Core.Tests.Checkpoints;

/// <summary>Plain-array views of golden tensors, for tests that compare against reference kits.</summary>
internal static class SafetensorsArrays
{
    public static bool Contains(this SafetensorsFile file, string name) => file.Tensors.ContainsKey(name);

    public static long[] Shape(this SafetensorsFile file, string name) => file.Tensors[name].Shape;

    public static byte[] ReadU8(this SafetensorsFile file, string name) => Read<byte>(file, name, SafetensorsDType.U8);

    public static float[] ReadF32(this SafetensorsFile file, string name) => Read<float>(file, name, SafetensorsDType.F32);

    public static long[] ReadI64(this SafetensorsFile file, string name) => Read<long>(file, name, SafetensorsDType.I64);

    private static T[] Read<T>(SafetensorsFile file, string name, SafetensorsDType dtype) where T : unmanaged
    {
        SafetensorsDType actual = file.Tensors[name].DType;
        if (actual != dtype) throw new InvalidOperationException($"{name} is {actual}, not {dtype}");
        return MemoryMarshal.Cast<byte, T>(file.ReadBytes(name)).ToArray();
    }
}
