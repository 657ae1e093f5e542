global using System.Numerics.Tensors;
global using Microsoft.ML.Neural.Kernels;
