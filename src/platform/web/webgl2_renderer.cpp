#include "platform/web/webgl2_renderer.hpp"

#include <GLES3/gl3.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <cstring>

#include "shaders_embedded.hpp"

namespace wf {

namespace {
unsigned compile(GLenum kind, const char* source) {
    GLuint shader = glCreateShader(kind);
    glShaderSource(shader, 1, &source, nullptr);
    glCompileShader(shader);
    GLint ok = 0;
    glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
    if (!ok) { glDeleteShader(shader); return 0; }
    return shader;
}
} // namespace

bool WebGL2Renderer::init() {
    GLuint vs = compile(GL_VERTEX_SHADER, kImGuiVertexShader);
    GLuint fs = compile(GL_FRAGMENT_SHADER, kImGuiFragmentShader);
    if (!vs || !fs) return false;
    program_ = glCreateProgram();
    glAttachShader(program_, vs);
    glAttachShader(program_, fs);
    glLinkProgram(program_);
    glDeleteShader(vs);
    glDeleteShader(fs);
    GLint linked = 0;
    glGetProgramiv(program_, GL_LINK_STATUS, &linked);
    if (!linked) return false;
    loc_projection_ = glGetUniformLocation(program_, "u_projection");
    loc_texture_ = glGetUniformLocation(program_, "u_texture");
    loc_picture_ = glGetUniformLocation(program_, "u_picture");

    glGenVertexArrays(1, &vao_);
    glGenBuffers(1, &vbo_);
    glGenBuffers(1, &ibo_);
    glBindVertexArray(vao_);
    glBindBuffer(GL_ARRAY_BUFFER, vbo_);
    glEnableVertexAttribArray(0);
    glEnableVertexAttribArray(1);
    glEnableVertexAttribArray(2);
    point_attributes();
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, ibo_);
    glBindVertexArray(0);
    return true;
}

void WebGL2Renderer::release() {
    program_ = vao_ = vbo_ = ibo_ = font_texture_ = 0;
    on_screen_ = 0;
}

void WebGL2Renderer::upload_font_atlas() {
    ImGuiIO& io = ImGui::GetIO();
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    io.Fonts->GetTexDataAsAlpha8(&pixels, &width, &height);   // a quarter of RGBA's bytes, no expansion pass
    if (!font_texture_) glGenTextures(1, &font_texture_);
    glBindTexture(GL_TEXTURE_2D, font_texture_);
    // Glyphs are rasterised at the exact device-pixel size and drawn 1:1, so nearest and linear agree;
    // linear keeps sub-pixel-positioned shapes smooth.
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, width, height, 0, GL_RED, GL_UNSIGNED_BYTE, pixels);
    on_screen_ = 0;   // the same vertices now show other glyphs
    io.Fonts->SetTexID((ImTextureID)(intptr_t)font_texture_);
    io.Fonts->ClearTexData(); // the CPU copy is 4 bytes a texel; the GPU has it now
}

void WebGL2Renderer::point_attributes() {
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert), (void*)IM_OFFSETOF(ImDrawVert, pos));
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert), (void*)IM_OFFSETOF(ImDrawVert, uv));
    glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(ImDrawVert), (void*)IM_OFFSETOF(ImDrawVert, col));
}

// Clears the target and sets up a pass that shows the part of the display from (left, top), as big
// as the target. ImGui works in device pixels here (FramebufferScale is 1).
void WebGL2Renderer::begin_pass(ImDrawData* draw_data, float left, float top, int fb_width, int fb_height, const float clear_rgba[4]) {
    glViewport(0, 0, fb_width, fb_height);
    glDisable(GL_SCISSOR_TEST);
    glClearColor(clear_rgba[0], clear_rgba[1], clear_rgba[2], clear_rgba[3]);
    glClear(GL_COLOR_BUFFER_BIT);
    if (!draw_data) return;
    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glDisable(GL_CULL_FACE);
    glDisable(GL_DEPTH_TEST);
    glEnable(GL_SCISSOR_TEST);
    const float L = left, R = left + (float)fb_width, T = top, B = top + (float)fb_height;
    const float projection[16] = {
        2.0f / (R - L), 0, 0, 0,
        0, 2.0f / (T - B), 0, 0,
        0, 0, -1.0f, 0,
        (R + L) / (L - R), (T + B) / (B - T), 0, 1.0f,
    };
    glUseProgram(program_);
    glUniformMatrix4fv(loc_projection_, 1, GL_FALSE, projection);
    glUniform1i(loc_texture_, 0);
    glUniform1i(loc_picture_, 0);
    picture_mode_ = false;
    glActiveTexture(GL_TEXTURE0);
    glBindVertexArray(vao_);
}

// The list's buffers are bound. Commands wholly outside the target are skipped (most of a big map,
// in a tile), and scissors are kept inside it.
void WebGL2Renderer::draw_commands(const ImDrawList* list, float left, float top, int fb_width, int fb_height) {
    for (const ImDrawCmd& cmd : list->CmdBuffer) {
        if (cmd.UserCallback) { cmd.UserCallback(list, &cmd); continue; }
        const float x0 = ImMax(cmd.ClipRect.x - left, 0.0f), y0 = ImMax(cmd.ClipRect.y - top, 0.0f);
        const float x1 = ImMin(cmd.ClipRect.z - left, (float)fb_width), y1 = ImMin(cmd.ClipRect.w - top, (float)fb_height);
        if (x1 <= x0 || y1 <= y0) continue;
        glScissor((int)x0, (int)((float)fb_height - y1), (int)(x1 - x0), (int)(y1 - y0));
        const GLuint texture = (GLuint)(intptr_t)cmd.GetTexID();
        // Any texture but the atlas is a picture, sampled in colour (ui/image_view.cpp).
        if ((texture != font_texture_) != picture_mode_) {
            picture_mode_ = !picture_mode_;
            glUniform1i(loc_picture_, picture_mode_ ? 1 : 0);
        }
        glBindTexture(GL_TEXTURE_2D, texture);
        static_assert(sizeof(ImDrawIdx) == 4, "imconfig_wayfinder.h sets 32-bit indices");
        glDrawElements(GL_TRIANGLES, (GLsizei)cmd.ElemCount, GL_UNSIGNED_INT, (void*)(intptr_t)(cmd.IdxOffset * sizeof(ImDrawIdx)));
    }
}

void WebGL2Renderer::render(ImDrawData* draw_data, int fb_width, int fb_height, const float clear_rgba[4]) {
    if (!draw_data || fb_width <= 0 || fb_height <= 0 || !program_) {
        begin_pass(nullptr, 0, 0, ImMax(fb_width, 0), ImMax(fb_height, 0), clear_rgba);
        return;
    }
    const float left = draw_data->DisplayPos.x, top = draw_data->DisplayPos.y;
    begin_pass(draw_data, left, top, fb_width, fb_height, clear_rgba);
    for (int n = 0; n < draw_data->CmdListsCount; n++) {
        const ImDrawList* list = draw_data->CmdLists[n];
        glBindBuffer(GL_ARRAY_BUFFER, vbo_);
        glBufferData(GL_ARRAY_BUFFER, (GLsizeiptr)list->VtxBuffer.Size * (GLsizeiptr)sizeof(ImDrawVert), list->VtxBuffer.Data, GL_STREAM_DRAW);
        glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, ibo_);
        glBufferData(GL_ELEMENT_ARRAY_BUFFER, (GLsizeiptr)list->IdxBuffer.Size * (GLsizeiptr)sizeof(ImDrawIdx), list->IdxBuffer.Data, GL_STREAM_DRAW);
        draw_commands(list, left, top, fb_width, fb_height);
    }
    glBindVertexArray(0);
    glDisable(GL_SCISSOR_TEST);
}

namespace {
// 64-bit FNV-style mixing of 32-bit words: ImGui's vertices, indices and commands are all made of them.
struct Fingerprint {
    uint64_t value = 1469598103934665603ull;
    void add(const void* data, size_t bytes) {
        const unsigned char* p = static_cast<const unsigned char*>(data);
        for (; bytes >= 4; bytes -= 4, p += 4) {
            uint32_t word;
            memcpy(&word, p, 4);
            value = (value ^ word) * 1099511628211ull;
        }
        for (; bytes; bytes--, p++) value = (value ^ *p) * 1099511628211ull;
    }
    template <class T> void add(const T& v) { add(&v, sizeof v); }
};
} // namespace

void WebGL2Renderer::render_to_screen(ImDrawData* draw_data, int fb_width, int fb_height, const float clear_rgba[4]) {
    Fingerprint f;
    f.add(fb_width); f.add(fb_height); f.add(font_texture_);
    f.add(clear_rgba, 4 * sizeof(float));
    if (draw_data) {
        f.add(draw_data->DisplayPos);
        for (int n = 0; n < draw_data->CmdListsCount; n++) {
            const ImDrawList* list = draw_data->CmdLists[n];
            f.add(list->VtxBuffer.Data, (size_t)list->VtxBuffer.Size * sizeof(ImDrawVert));
            f.add(list->IdxBuffer.Data, (size_t)list->IdxBuffer.Size * sizeof(ImDrawIdx));
            for (const ImDrawCmd& cmd : list->CmdBuffer) {
                f.add(cmd.ClipRect); f.add(cmd.TextureId); f.add(cmd.VtxOffset); f.add(cmd.IdxOffset); f.add(cmd.ElemCount);
                f.add(cmd.UserCallback);
            }
        }
    }
    if (f.value == 0) f.value = 1;   // 0 means "unknown"
    if (f.value == on_screen_ && program_) return;
    render(draw_data, fb_width, fb_height, clear_rgba);
    on_screen_ = program_ ? f.value : 0;
}

// GL rows run bottom-up; PNG rows run top-down.
void WebGL2Renderer::read_top_down(int width, int height, std::vector<uint8_t>& pixels) {
    pixels.resize((size_t)width * (size_t)height * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    const size_t stride = (size_t)width * 4;
    std::vector<uint8_t> row(stride);
    for (int y = 0; y < height / 2; y++) {
        uint8_t* a = pixels.data() + (size_t)y * stride;
        uint8_t* b = pixels.data() + (size_t)(height - 1 - y) * stride;
        std::copy(a, a + stride, row.begin());
        std::copy(b, b + stride, a);
        std::copy(row.begin(), row.end(), b);
    }
}

namespace {
// An offscreen RGBA8 target, deleted with its owner.
struct OffscreenTarget {
    GLuint texture = 0, framebuffer = 0;
    bool complete = false;
    OffscreenTarget(int width, int height) {
        glGenTextures(1, &texture);
        glBindTexture(GL_TEXTURE_2D, texture);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
        glGenFramebuffers(1, &framebuffer);
        glBindFramebuffer(GL_FRAMEBUFFER, framebuffer);
        glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, texture, 0);
        complete = glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
    }
    ~OffscreenTarget() {
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
        glDeleteFramebuffers(1, &framebuffer);
        glDeleteTextures(1, &texture);
    }
};
} // namespace

std::vector<uint8_t> WebGL2Renderer::render_offscreen(ImDrawData* draw_data, int width, int height, const float clear_rgba[4]) {
    std::vector<uint8_t> pixels;
    on_screen_ = 0;   // the next screen frame is drawn in full, whatever the browser made of these draws
    if (width <= 0 || height <= 0) return pixels;
    OffscreenTarget target(width, height);
    if (target.complete) {
        render(draw_data, width, height, clear_rgba);
        read_top_down(width, height, pixels);
    }
    return pixels;
}

bool WebGL2Renderer::render_tiles(ImDrawData* draw_data, const std::vector<Tile>& tiles, const float clear_rgba[4],
                                  const std::function<void(size_t tile, const std::vector<uint8_t>& pixels)>& take) {
    on_screen_ = 0;   // the next screen frame is drawn in full, whatever the browser made of these draws
    if (!draw_data || !program_ || tiles.empty()) return false;
    int max_w = 1, max_h = 1;
    for (const Tile& t : tiles) { max_w = ImMax(max_w, t.width); max_h = ImMax(max_h, t.height); }
    OffscreenTarget target(max_w, max_h);
    if (!target.complete) return false;
    // Each list's vertices go to the GPU once, not once per tile: a big map's are megabytes.
    std::vector<GLuint> buffers((size_t)draw_data->CmdListsCount * 2);
    glGenBuffers((GLsizei)buffers.size(), buffers.data());
    for (int n = 0; n < draw_data->CmdListsCount; n++) {
        const ImDrawList* list = draw_data->CmdLists[n];
        glBindBuffer(GL_ARRAY_BUFFER, buffers[(size_t)n * 2]);
        glBufferData(GL_ARRAY_BUFFER, (GLsizeiptr)list->VtxBuffer.Size * (GLsizeiptr)sizeof(ImDrawVert), list->VtxBuffer.Data, GL_STATIC_DRAW);
        glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, buffers[(size_t)n * 2 + 1]);
        glBufferData(GL_ELEMENT_ARRAY_BUFFER, (GLsizeiptr)list->IdxBuffer.Size * (GLsizeiptr)sizeof(ImDrawIdx), list->IdxBuffer.Data, GL_STATIC_DRAW);
    }
    std::vector<uint8_t> pixels;
    for (size_t i = 0; i < tiles.size(); i++) {
        const Tile& t = tiles[i];
        const float left = draw_data->DisplayPos.x + (float)t.x, top = draw_data->DisplayPos.y + (float)t.y;
        begin_pass(draw_data, left, top, t.width, t.height, clear_rgba);
        for (int n = 0; n < draw_data->CmdListsCount; n++) {
            glBindBuffer(GL_ARRAY_BUFFER, buffers[(size_t)n * 2]);
            point_attributes();
            glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, buffers[(size_t)n * 2 + 1]);
            draw_commands(draw_data->CmdLists[n], left, top, t.width, t.height);
        }
        read_top_down(t.width, t.height, pixels);
        take(i, pixels);
    }
    // The vertex array's attributes pointed into the tiles' buffers: point them back at the frame's.
    glBindBuffer(GL_ARRAY_BUFFER, vbo_);
    point_attributes();
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, ibo_);
    glBindVertexArray(0);
    glDisable(GL_SCISSOR_TEST);
    glDeleteBuffers((GLsizei)buffers.size(), buffers.data());
    return true;
}

} // namespace wf
