// Draws Dear ImGui draw data with WebGL2 (OpenGL ES 3.0), on screen or into an offscreen target.
//
// Implemented features:
//  [X] 32-bit indices (ImDrawIdx is unsigned int), so big maps never hit the 64K-vertex limit.
//  [X] One font atlas texture; rebuilt on demand when the UI scale or devicePixelRatio changes.
//  [X] Offscreen render targets at any size, read back top-down for PNG snapshots.
//  [X] Tiles: one draw data drawn part by part through a shifted projection (a map snapshot bigger
//      than the GPU's largest render target); its buffers are uploaded once for all the tiles.
//  [X] Context loss: release() forgets GL names; init() recreates everything after restore.
//  [X] A frame the same as the one on screen is not drawn again (render_to_screen): the frames
//      ImGui runs to settle after input mostly repeat the last picture, and on a software GPU
//      (SwiftShader) every full-window draw costs tens of milliseconds.
//  [X] Pictures: any texture other than the font atlas is an RGBA picture (made by library_wayfinder.js).
#pragma once
#include <cstdint>
#include <functional>
#include <vector>

struct ImDrawData;
struct ImDrawList;

namespace wf {

class WebGL2Renderer {
public:
    bool init();                 // compiles shaders, creates buffers; false if the context cannot
    void release();              // forget every GL name (after context loss the names are already dead)
    void upload_font_atlas();    // (re)builds the ImGui font atlas texture from ImGui::GetIO().Fonts
    // Draws into the bound framebuffer of fb_width x fb_height device pixels; clears with clear_rgba first.
    void render(ImDrawData* draw_data, int fb_width, int fb_height, const float clear_rgba[4]);
    // Draws on screen, as render() does, unless draw_data, size and colour make the picture that is
    // already there: the canvas then keeps showing it (its drawing buffer is presented only when drawn).
    void render_to_screen(ImDrawData* draw_data, int fb_width, int fb_height, const float clear_rgba[4]);
    // The next render_to_screen draws whatever it is given: the browser may have dropped the picture
    // (a hidden page's buffers, a canvas given a size).
    void forget_screen() { on_screen_ = 0; }
    // Renders draw_data into a new offscreen target and returns its pixels, top-down RGBA.
    std::vector<uint8_t> render_offscreen(ImDrawData* draw_data, int width, int height, const float clear_rgba[4]);
    // Draws the part of draw_data at (x, y, width, height) of its display, for each of `tiles` in turn,
    // offscreen, and hands each one's pixels (top-down RGBA) to `take`. False when the GPU could not
    // make a target (`take` has then not seen every tile).
    struct Tile { int x, y, width, height; };
    bool render_tiles(ImDrawData* draw_data, const std::vector<Tile>& tiles, const float clear_rgba[4],
                      const std::function<void(size_t tile, const std::vector<uint8_t>& pixels)>& take);

private:
    void begin_pass(ImDrawData* draw_data, float left, float top, int fb_width, int fb_height, const float clear_rgba[4]);
    void draw_commands(const ImDrawList* list, float left, float top, int fb_width, int fb_height);
    static void point_attributes();
    static void read_top_down(int width, int height, std::vector<uint8_t>& pixels);

    unsigned program_ = 0, vao_ = 0, vbo_ = 0, ibo_ = 0, font_texture_ = 0;
    uint64_t on_screen_ = 0;     // fingerprint of the picture on screen; 0: unknown, the next frame is drawn
    int loc_projection_ = -1, loc_texture_ = -1, loc_picture_ = -1;
    bool picture_mode_ = false;   // u_picture as last set: the bound texture is a picture, not the atlas
};

} // namespace wf
