#version 300 es
// Vertex-coloured fragments modulated by the bound texture: the font atlas, a single-channel (R8)
// coverage texture (glyph coverage for text, a fully covered texel for solid shapes), or a picture
// (RGBA, straight alpha: an evidence image).
precision mediump float;
uniform sampler2D u_texture;
uniform bool u_picture;
in vec2 v_uv;
in vec4 v_color;
out vec4 o_color;
void main() {
    vec4 t = texture(u_texture, v_uv);
    o_color = u_picture ? v_color * t : vec4(v_color.rgb, v_color.a * t.r);
}
