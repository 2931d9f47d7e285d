#version 300 es
// Vertex-coloured fragments modulated by the font atlas, a single-channel (R8) coverage texture:
// glyph coverage for text, and a fully covered texel for solid shapes.
precision mediump float;
uniform sampler2D u_texture;
in vec2 v_uv;
in vec4 v_color;
out vec4 o_color;
void main() {
    o_color = vec4(v_color.rgb, v_color.a * texture(u_texture, v_uv).r);
}
