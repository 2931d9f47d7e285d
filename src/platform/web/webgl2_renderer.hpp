// Draws Dear ImGui draw data with WebGL2 (OpenGL ES 3.0), on screen or into an offscreen target.
//
// Implemented features:
//  [X] 32-bit indices (ImDrawIdx is unsigned int), so big maps never hit the 64K-vertex limit.
//  [X] One font atlas texture; rebuilt on demand when the UI scale or devicePixelRatio changes.
//  [X] Offscreen render targets at any size, read back top-down for PNG snapshots.
//  [X] Context loss: release() forgets GL names; init() recreates everything after restore.
// Known issues:
//  [ ] User textures (ImTextureID other than the font atlas) are not used yet.
#pragma once
#include <cstdint>
#include <vector>

struct ImDrawData;

namespace wf {

class WebGL2Renderer {
public:
    bool init();                 // compiles shaders, creates buffers; false if the context cannot
    void release();              // forget every GL name (after context loss the names are already dead)
    void upload_font_atlas();    // (re)builds the ImGui font atlas texture from ImGui::GetIO().Fonts
    // Draws into the bound framebuffer of fb_width x fb_height device pixels; clears with clear_rgba first.
    void render(ImDrawData* draw_data, int fb_width, int fb_height, const float clear_rgba[4]);
    // Renders draw_data into a new offscreen target and returns its pixels, top-down RGBA.
    std::vector<uint8_t> render_offscreen(ImDrawData* draw_data, int width, int height, const float clear_rgba[4]);

private:
    unsigned program_ = 0, vao_ = 0, vbo_ = 0, ibo_ = 0, font_texture_ = 0;
    int loc_projection_ = -1, loc_texture_ = -1;
};

} // namespace wf
