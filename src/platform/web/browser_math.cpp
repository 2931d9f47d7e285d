// The float trigonometry the app draws with (ImGui's arcs and circles, the results wheel, the map's
// pie of colours), through the browser's Math: musl's sinf, cosf, atanf, atan2f and acosf, with their
// argument reduction, are about 1.4 KB of the download that the browser already has. JavaScript's
// functions work in double precision; rounded to float they give the same pixels. The native build
// keeps the C library's.
#include <cmath>

extern "C" {
double wf_js_math(int op, double x, double y);   // library_wayfinder.js: 0 sin, 1 cos, 2 atan2, 3 acos

float sinf(float x) { return (float)wf_js_math(0, x, 0); }
float cosf(float x) { return (float)wf_js_math(1, x, 0); }
float atan2f(float y, float x) { return (float)wf_js_math(2, y, x); }
float atanf(float x) { return (float)wf_js_math(2, x, 1); }
float acosf(float x) { return (float)wf_js_math(3, x, 0); }
}
