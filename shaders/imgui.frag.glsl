#version 300 es
// Textured, vertex-coloured fragments; the font atlas is RGBA with white texels and coverage in alpha.
precision mediump float;
uniform sampler2D u_texture;
in vec2 v_uv;
in vec4 v_color;
out vec4 o_color;
void main() {
    o_color = v_color * texture(u_texture, v_uv);
}
