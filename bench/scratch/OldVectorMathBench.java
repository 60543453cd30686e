import jdk.incubator.vector.*;
public class OldVectorMathBench {
  static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
  static DoubleVector b(double v){return DoubleVector.broadcast(S,v);}
  static DoubleVector v1(DoubleVector x){ // bits only
    LongVector bits = x.reinterpretAsLongs();
    return bits.and(0x000FFFFFFFFFFFFFL).or(0x3FF0000000000000L).reinterpretAsDoubles(); }
  static DoubleVector v2(DoubleVector x){ // + shift/convert
    LongVector bits = x.reinterpretAsLongs();
    LongVector e = bits.lanewise(VectorOperators.LSHR, 52).sub(1023L);
    return ((DoubleVector) e.convert(VectorOperators.L2D, 0)); }
  static DoubleVector v3(DoubleVector m){ // compare/blend
    VectorMask<Double> big = m.compare(VectorOperators.GT, 1.41);
    return m.blend(m.mul(0.5), big).add(DoubleVector.broadcast(S, 1.0), big); }
  static DoubleVector v4(DoubleVector m){ // poly
    DoubleVector f = m.sub(1.0); DoubleVector s = f.div(f.add(2.0)); DoubleVector z = s.mul(s);
    DoubleVector p = b(1.0/23); for (int i=0;i<10;i++) p = p.fma(z, b(1.0/(21-2*i)));
    return p; }
  static DoubleVector v5(DoubleVector m){ // manual L2D via magic
    LongVector bits = m.reinterpretAsLongs();
    LongVector e = bits.lanewise(VectorOperators.LSHR, 52);
    return e.or(0x4330000000000000L).reinterpretAsDoubles().sub(4503599627370496.0 + 1023); }
  static double L1(double[] x,double[] y,int n){ double acc=0; for (int it = 0; it < 2000; it++) { for (int bb = 0; bb < n; bb += S.length()) v1(DoubleVector.fromArray(S, x, bb)).intoArray(y, bb); acc+=y[it&1023]; } return acc; }
  static double L2(double[] x,double[] y,int n){ double acc=0; for (int it = 0; it < 2000; it++) { for (int bb = 0; bb < n; bb += S.length()) v2(DoubleVector.fromArray(S, x, bb)).intoArray(y, bb); acc+=y[it&1023]; } return acc; }
  static double L3(double[] x,double[] y,int n){ double acc=0; for (int it = 0; it < 2000; it++) { for (int bb = 0; bb < n; bb += S.length()) v3(DoubleVector.fromArray(S, x, bb)).intoArray(y, bb); acc+=y[it&1023]; } return acc; }
  static double L4(double[] x,double[] y,int n){ double acc=0; for (int it = 0; it < 2000; it++) { for (int bb = 0; bb < n; bb += S.length()) v4(DoubleVector.fromArray(S, x, bb)).intoArray(y, bb); acc+=y[it&1023]; } return acc; }
  static double L5(double[] x,double[] y,int n){ double acc=0; for (int it = 0; it < 2000; it++) { for (int bb = 0; bb < n; bb += S.length()) v5(DoubleVector.fromArray(S, x, bb)).intoArray(y, bb); acc+=y[it&1023]; } return acc; }
  static double L6(double[] x,double[] y,int n){ double acc=0; for (int it = 0; it < 2000; it++) { for (int bb = 0; bb < n; bb += S.length()) org.spiqgan.quantum.VectorMath.log(DoubleVector.fromArray(S, x, bb)).intoArray(y, bb); acc+=y[it&1023]; } return acc; }
  static double L7(double[] x,double[] y,int n){ double acc=0; for (int it = 0; it < 2000; it++) { for (int bb = 0; bb < n; bb += S.length()) org.spiqgan.quantum.VectorMath.exp(DoubleVector.fromArray(S, x, bb)).intoArray(y, bb); acc+=y[it&1023]; } return acc; }
  public static void main(String[] a) {
    int n = 1 << 12; double[] x = new double[n], y = new double[n];
    java.util.Random r = new java.util.Random(1);
    for (int i = 0; i < n; i++) x[i] = r.nextDouble()*0.9+0.05;
    for (int rep = 0; rep < 6; rep++) { StringBuilder sb = new StringBuilder(); double acc=0;
      long t0=System.nanoTime(); acc+=L1(x,y,n); long t1=System.nanoTime(); acc+=L2(x,y,n); long t2=System.nanoTime(); acc+=L3(x,y,n); long t3=System.nanoTime(); acc+=L4(x,y,n); long t4=System.nanoTime(); acc+=L5(x,y,n); long t5=System.nanoTime(); acc+=L6(x,y,n); long t6=System.nanoTime(); acc+=L7(x,y,n); long t7=System.nanoTime();
      double e=2000.0*n;
      System.out.printf("bits %.2f conv %.2f blend %.2f poly %.2f magic %.2f LOG %.2f EXP %.2f %s%n",(t1-t0)/e,(t2-t1)/e,(t3-t2)/e,(t4-t3)/e,(t5-t4)/e,(t6-t5)/e,(t7-t6)/e, acc>0);
    }
  }
}
